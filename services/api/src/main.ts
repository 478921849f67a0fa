import { runMain } from '@claimflow/service-kit';
import { startApi } from './index.js';

await runMain('api', [startApi]);
