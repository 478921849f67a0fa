import { startApi } from '@claimflow/api';
import { runMain } from '@claimflow/service-kit';

export const usage = 'claims api   the HTTP API and web page for analysts, until SIGTERM';

export async function run(): Promise<number> {
  await runMain('api', [startApi]);
  return -1; // keeps running until a signal
}
