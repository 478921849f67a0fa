import { z } from 'zod';

/**
 * The API's own settings, from the environment (beside the shared config,
 * which every service reads): who may read it from another origin, and how
 * fast one client may ask.
 */
const origin = z
  .string()
  .trim()
  .refine((s) => s === '*' || /^https?:\/\/[^/\s]+$/.test(s), 'each origin is scheme://host[:port] with no path, or *');

export const ApiOptionsEnv = z.object({
  /** Comma-separated origins allowed to read the read-only routes from a browser; unset: none (CORS off). */
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((s) => (s ?? '').split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(origin)),
  /** Requests one client (by IP) may make to /api/* in a window; 0 turns the limit off. */
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(3000),
  /** The rate limit's window, in milliseconds. */
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
});
export type ApiOptions = z.infer<typeof ApiOptionsEnv>;

export const DEFAULT_API_OPTIONS: ApiOptions = ApiOptionsEnv.parse({});

/** The options from `env`; a bad value is one error naming the variable. */
export function apiOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ApiOptions {
  const parsed = ApiOptionsEnv.safeParse(env);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`${String(i.path[0])}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
  }
  return parsed.data;
}
