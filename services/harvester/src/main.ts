import { runMain } from '@claimflow/service-kit';
import { startHarvester } from './index.js';

await runMain('harvester', [startHarvester]);
