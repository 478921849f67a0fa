#!/usr/bin/env node
import { exitWithError, isUsageError } from '@claimflow/service-kit';
import { joinNegativeValues, wantsHelp } from './argv.js';
import { COMMANDS, type Command } from './commands/index.js';

async function overview(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return ['usage: claims COMMAND [options]   (claims COMMAND --help for its options)', '', ...commands.map((c) => `  ${c.usage}`)].join('\n') + '\n';
}

/** A command's usage line and, where it has them, one line per option. */
function helpOf(command: Command): string {
  return `usage: ${command.usage}\n${command.options ? `\noptions:\n${command.options}\n` : ''}`;
}

// A closed pipe (`claims extract | head`) ends the command quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const [name, ...rest] = process.argv.slice(2);
if (name === '--help' || name === '-h' || name === 'help') {
  // `claims help run` is `claims run --help`.
  const asked = rest[0] && COMMANDS[rest[0]];
  process.stdout.write(asked ? helpOf(await asked()) : await overview());
  process.exit(0);
}
const load = COMMANDS[name ?? ''];
if (!load) {
  process.stderr.write(`${name ? `claims: unknown command '${name}'` : 'claims: a command is needed'}\n${await overview()}`);
  process.exit(2);
}
const command = await load();
// Help is answered here, before the command runs: asking for it never starts a server, a worker or a migration.
if (wantsHelp(rest)) {
  process.stdout.write(helpOf(command));
  process.exit(0);
}
try {
  const code = await command.run(joinNegativeValues(rest));
  // -1: a long-running service that exits on its own signal handler.
  if (code >= 0) process.exit(code);
} catch (err) {
  if (isUsageError(err)) {
    process.stderr.write(`claims ${name}: ${(err as Error).message.replace(/\s*\n\s*/g, ' ')}\nusage: ${command.usage}\n`);
    process.exit(2);
  }
  exitWithError(err);
}
