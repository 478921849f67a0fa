import { parseArgs } from 'node:util';
import { runMain } from '@claimflow/service-kit';
import { portOption } from '../argv.js';

export const usage = 'claims harvester [--health-port N]   run the configured sources (HARVEST_SOURCES) on their schedule, and the saved searches\' alerts, until SIGTERM';
export const options = [
  '  --health-port N   serve /healthz, /readyz and /metrics on port N (default: HEALTH_PORT, else off)',
  '',
  'Harvests nothing unless HARVEST_SOURCES names a source; HARVEST_EVERY_MS sets the schedule. Any number',
  'of harvesters may run: there is one schedule per source, and each tick runs once.',
].join('\n');

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'health-port': { type: 'string' } } });
  const port = portOption(values['health-port'], '--health-port');
  const { startAlerts, startHarvester } = await import('@claimflow/harvester');
  await runMain('harvester', [startHarvester, startAlerts], port == null ? {} : { HEALTH_PORT: port });
  return -1; // keeps running until a signal
}
