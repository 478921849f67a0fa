import { parseArgs } from 'node:util';
import { startApi } from '@claimflow/api';
import { runMain } from '@claimflow/service-kit';
import { portOption } from '../argv.js';

export const usage = 'claims api [--port N] [--host H]   the HTTP API and web page for analysts, until SIGTERM';
export const options = [
  '  --port N   port to listen on (default: PORT, else 8080; 0 lets the OS choose)',
  '  --host H   address to listen on (default: HOST, else 0.0.0.0; 127.0.0.1 for this machine only)',
].join('\n');

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, host: { type: 'string' } } });
  const overrides = { ...(values.port != null && { PORT: portOption(values.port, '--port') }), ...(values.host != null && { HOST: values.host }) };
  await runMain('api', [startApi], overrides);
  return -1; // keeps running until a signal
}
