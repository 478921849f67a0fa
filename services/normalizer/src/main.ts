import { runMain } from '@claimflow/service-kit';
import { startNormalizer } from './index.js';

await runMain('normalizer', [startNormalizer]);
