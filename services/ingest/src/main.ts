import { runMain } from '@claimflow/service-kit';
import { startIngest } from './index.js';

await runMain('ingest', [startIngest]);
