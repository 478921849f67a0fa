import { runMain } from '@claimflow/service-kit';
import { startAlerts, startHarvester } from './index.js';

await runMain('harvester', [startHarvester, startAlerts]);
