import { UsageError } from '@claimflow/service-kit';

/**
 * `--max -1`: node's parseArgs takes a value starting with a dash for a
 * forgotten value and refuses it. A negative number is never an option of
 * ours, so it is joined to the option before it (`--max=-1`).
 */
export function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    if (arg === '--') return [...out, ...argv.slice(i)];
    if (/^--[^=]+$/.test(arg) && next != null && /^-(\d|\.\d)/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Whether the command line asks for help: `--help` or `-h` anywhere before `--`. */
export function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** A port given on the command line: a number from 0 to 65535, or a usage error naming the flag. */
export function portOption(value: string | undefined, flag: string): number | undefined {
  if (value == null) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new UsageError(`${flag}: expected a port number from 0 to 65535, got "${value}"`);
  return n;
}
