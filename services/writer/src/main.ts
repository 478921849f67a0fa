import { runMain } from '@claimflow/service-kit';
import { startWriter } from './index.js';

await runMain('writer', [startWriter]);
