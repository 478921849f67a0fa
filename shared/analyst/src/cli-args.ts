import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

/**
 * The claim filter as command-line options for `claims query` and `claims
 * export`: the same names as the API's query parameters, validated by the
 * same zod schema, so the CLI and the API accept and refuse the same input.
 */
export const FILTER_OPTIONS = {
  kind: { type: 'string' },
  unit: { type: 'string' },
  min: { type: 'string' },
  max: { type: 'string' },
  qualifier: { type: 'string' },
  metric: { type: 'string' },
  setting: { type: 'string' },
  paper: { type: 'string' },
  batch: { type: 'string' },
  q: { type: 'string' },
  sort: { type: 'string' },
  limit: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export const FILTER_USAGE =
  '[--kind K] [--unit U] [--min N] [--max N] [--qualifier Q] [--metric M] [--setting S] [--paper ID] [--batch ID] [--q TEXT] [--sort value|paper|recent] [--limit N]';

/** A command line the command cannot run: exit code 2 and the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type ArgValues = Record<string, string | boolean | undefined>;

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
  let values: ArgValues;
  try {
    values = parseArgs({ args: argv, options: { ...FILTER_OPTIONS, ...extra, help: { type: 'boolean', short: 'h' } }, strict: true }).values as ArgValues;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const input = Object.fromEntries(schemaKeys.filter((k) => values[k] !== undefined).map((k) => [k, values[k]]));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.') || 'options'}: ${i.message}`).join('; '));
  }
  return { query: parsed.data, values };
}
