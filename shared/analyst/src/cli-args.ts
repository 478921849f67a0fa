import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

/**
 * The claim filter as command-line options for `claims query` and `claims
 * export`: the same names as the API's query parameters, validated by the
 * same zod schema, so the CLI and the API accept and refuse the same input.
 */
export const FILTER_OPTIONS = {
  // repeatable: `--kind speedup --kind efficiency` matches either
  kind: { type: 'string', multiple: true },
  unit: { type: 'string', multiple: true },
  min: { type: 'string' },
  max: { type: 'string' },
  qualifier: { type: 'string', multiple: true },
  'min-confidence': { type: 'string' },
  metric: { type: 'string' },
  setting: { type: 'string' },
  'metric-key': { type: 'string', multiple: true },
  'setting-key': { type: 'string', multiple: true },
  'baseline-key': { type: 'string', multiple: true },
  paper: { type: 'string', multiple: true },
  batch: { type: 'string', multiple: true },
  year: { type: 'string', multiple: true },
  venue: { type: 'string', multiple: true },
  category: { type: 'string', multiple: true },
  q: { type: 'string' },
  sort: { type: 'string' },
  limit: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export const FILTER_USAGE =
  '[--kind K]… [--unit U]… [--min N] [--max N] [--qualifier Q]… [--min-confidence P] [--metric M] [--setting S] [--metric-key K]… [--setting-key K]… [--baseline-key K]… [--paper ID]… [--batch ID]… [--year Y]… [--venue V]… [--category C]… [--q TEXT] [--sort value|paper|recent] [--limit N]';

/** The command-line spelling of a schema key: metricKey is --metric-key. */
export const flagOf = (key: string) => key.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);

/** A command line the command cannot run: exit code 2 and the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type ArgValues = Record<string, string | string[] | boolean | undefined>;

/** What a zod refusal holds that a usage message reads. */
interface Refusal {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/**
 * A schema's refusal of command-line input as one UsageError naming the flag
 * of each refused key (`--min-confidence: ...`). `keyOf` picks the key of an
 * issue's path (the first by default; a command whose input nests picks its own).
 */
export function usageError(refusal: Refusal, keyOf: (path: readonly PropertyKey[]) => PropertyKey | undefined = (path) => path[0]): UsageError {
  return new UsageError(refusal.issues.map((i) => `--${flagOf(String(keyOf(i.path) ?? 'options'))}: ${i.message}`).join('; '));
}

/** node:util parseArgs, its refusals (an unknown option, a missing value) as UsageErrors. */
export function parseOrUsage<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/**
 * Parses argv with the filter options plus `extra`; the options that `schema`
 * knows go through it. An unknown option, or a value the schema refuses, is a
 * UsageError naming the option.
 */
export function parseClaimArgs<S extends z.ZodType>(
  argv: string[],
  extra: NonNullable<ParseArgsConfig['options']>,
  schema: S,
  schemaKeys: readonly string[],
): { query: z.infer<S>; values: ArgValues } {
  const values = parseOrUsage({ args: argv, options: { ...FILTER_OPTIONS, ...extra, help: { type: 'boolean', short: 'h' } }, strict: true }).values as ArgValues;
  const input = Object.fromEntries(schemaKeys.filter((k) => values[flagOf(k)] !== undefined).map((k) => [k, values[flagOf(k)]]));
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw usageError(parsed.error);
  return { query: parsed.data, values };
}
