#!/usr/bin/env node
import { exitWithError } from '@claimflow/service-kit';
import { COMMANDS } from './commands/index.js';

async function help(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return ['usage:', ...commands.map((c) => `  ${c.usage}`)].join('\n') + '\n';
}

// A closed pipe (`claims extract | head`) ends the command quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const [name, ...argv] = process.argv.slice(2);
const load = COMMANDS[name ?? ''];
if (!load) {
  const asked = !name || name === '--help' || name === 'help';
  process.stderr.write(asked ? await help() : `claims: unknown command '${name}'\n${await help()}`);
  process.exit(asked ? 0 : 2);
}
const command = await load();
try {
  const code = await command.run(argv);
  // -1: a long-running service that exits on its own signal handler.
  if (code >= 0) process.exit(code);
} catch (err) {
  if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`claims ${name}: ${(err as Error).message}\nusage: ${command.usage}\n`);
    process.exit(2);
  }
  exitWithError(err);
}
