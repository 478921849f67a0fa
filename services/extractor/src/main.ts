import { runMain } from '@claimflow/service-kit';
import { startExtractor } from './index.js';

await runMain('extractor', [startExtractor]);
