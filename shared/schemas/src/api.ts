import { z } from 'zod';
import { BatchProgress, BatchRef, Rejection } from './batch.js';
import { CanonicalUnit, ClaimKind, Qualifier, Span, StoredClaim } from './claim.js';

/**
 * Query parameters and responses of the HTTP API (and the CLI's `claims
 * query` / `claims export`, which take the same filters). These schemas are
 * the single source of truth: handlers validate with them, the OpenAPI
 * document at /docs is generated from them, and TypeScript types are inferred.
 */

export const CLAIM_SORTS = ['value', 'value_asc', 'paper', 'paper_desc', 'recent', 'oldest'] as const;
export const ClaimSort = z
  .enum(CLAIM_SORTS)
  .describe('value: largest value first (value_asc: smallest first); paper: by paper id and position (paper_desc: reversed); recent: newest first (oldest: oldest first)');
export type ClaimSort = z.infer<typeof ClaimSort>;

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

/** Free text that goes into SQL parameters: bounded, and no NUL (PostgreSQL text cannot hold it). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

/** A number from a query string or argv: "" or "abc" is an error, not 0 or NaN. */
const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
const bound = z
  .union([z.number(), z.string().regex(NUMBER).transform(Number)], { error: 'must be a number' })
  .pipe(z.number().finite('must be a finite number'));

/** A count from a query string or argv (`--limit 20`): "abc" says what is expected, not "received NaN". */
const count = (max?: number) =>
  z
    .union([z.number(), z.string().regex(/^\s*\d+\s*$/).transform(Number)], { error: 'must be a whole number' })
    .pipe(max ? z.number().int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`) : z.number().int('must be a whole number').min(1, 'must be at least 1'));

/** Most values one filter takes at once (`kind=speedup&kind=efficiency`). */
export const MAX_FILTER_VALUES = 50;

/**
 * A filter that takes one value or several (repeated parameter, or an array
 * from argv): always an array after parsing; a claim matches any of them.
 */
const anyOf = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).min(1).max(MAX_FILTER_VALUES)], {
      // An enum's values are listed (`--kind bogus`: which kinds there are), not "Invalid input".
      error: () => {
        const options = (item as unknown as { options?: readonly string[] }).options;
        return options ? `expected one of ${options.join(', ')} (up to ${MAX_FILTER_VALUES} values)` : `expected one value or up to ${MAX_FILTER_VALUES}`;
      },
    })
    .transform((v): z.output<T>[] => (Array.isArray(v) ? v : [v]));

/** The claim filter shared by the API, the exports and the CLI. */
export const ClaimFilterQuery = z.object({
  kind: anyOf(ClaimKind).optional().describe('one kind, or several (kind=speedup&kind=efficiency)'),
  unit: anyOf(CanonicalUnit).optional().describe('one unit or several'),
  min: bound.optional().describe('claims whose value (or range) reaches at least this normalized value'),
  max: bound.optional().describe('claims whose value (or range) reaches at most this normalized value'),
  qualifier: anyOf(Qualifier).optional().describe('one qualifier or several'),
  minConfidence: bound
    .pipe(z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'))
    .optional()
    .describe("claims whose extraction confidence is at least this (0-1); claims stored before extractor 2.0 have none and are left out"),
  metric: text(200).optional().describe('case-insensitive substring of the metric'),
  setting: text(200).optional().describe('case-insensitive substring of the setting'),
  metricKey: anyOf(text(200)).optional().describe('canonical metric (see /api/facets), one or several'),
  settingKey: anyOf(text(200)).optional().describe('canonical dataset, benchmark, hardware or model, one or several (a claim matches if it has any)'),
  baselineKey: anyOf(text(200)).optional().describe('canonical baseline, one or several'),
  paper: anyOf(text(200)).optional().describe('paper id, one or several'),
  batch: anyOf(text(200)).optional().describe('batch id, one or several'),
  year: anyOf(z.coerce.number({ error: 'must be a year' }).int('must be a year').min(1000, 'must be a year').max(9999, 'must be a year'))
    .optional()
    .describe("the paper's publication year (metadata published, date or year), one or several"),
  venue: anyOf(text(200)).optional().describe("the paper's venue (metadata venue), case-insensitive, one or several"),
  category: anyOf(text(100)).optional().describe("one of the paper's categories (metadata categories, e.g. cs.LG), one or several"),
  q: text(500).optional().describe('full-text search over sentence, metric, baseline, setting and paper title (web search syntax)'),
  sort: ClaimSort.default('value'),
});
export type ClaimFilterQuery = z.infer<typeof ClaimFilterQuery>;

const minNotAboveMax = (v: { min?: number; max?: number }, ctx: z.RefinementCtx) => {
  if (v.min != null && v.max != null && v.min > v.max) {
    ctx.addIssue({ code: 'custom', path: ['min'], message: `must not be greater than max (${v.max})` });
  }
};

/** GET /api/claims: one page of claims. */
export const ClaimQuery = ClaimFilterQuery.extend({
  cursor: z.string().min(1).max(2000).optional().describe('nextCursor of the previous page'),
  limit: count(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
})
  .strict()
  .superRefine(minNotAboveMax);
export type ClaimQuery = z.infer<typeof ClaimQuery>;

/** GET /api/claims.csv|.jsonl and `claims export`: every matching claim, streamed; `limit` optionally caps the count. */
export const ClaimExportQuery = ClaimFilterQuery.extend({
  limit: count().optional(),
})
  .strict()
  .superRefine(minNotAboveMax);
export type ClaimExportQuery = z.infer<typeof ClaimExportQuery>;

/** Where the claim's number sits in its evidence sentence, for highlighting. */
export const Evidence = z.object({
  sentence: z.string().describe('the evidence sentence'),
  /** [start, end) of the claim's text inside `sentence` (UTF-16), or null if not found. */
  highlight: Span.nullable().describe('[start, end) of the claim\'s text inside the sentence (UTF-16), null if not found'),
});
export type Evidence = z.infer<typeof Evidence>;

export const ClaimView = StoredClaim.extend({
  paperTitle: z.string().describe('title of the paper'),
  createdAt: z.string().describe('when the claim was first stored (ISO 8601)'),
  evidence: Evidence.nullable().describe('the sentence with the claim\'s number located, for highlighting'),
  better: z.enum(['higher', 'lower']).describe('the direction its value ranks in (higher accuracy, lower latency)'),
});
export type ClaimView = z.infer<typeof ClaimView>;

/** Claims counted exactly up to this many; beyond it `total` is this and `totalExact` false. */
export const MAX_EXACT_TOTAL = 10_000;

export const ClaimPage = z.object({
  claims: z.array(ClaimView),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  total: z.number().int().nullable().describe(`claims matching the filter, counted on the first page (null when a cursor is given); at most ${MAX_EXACT_TOTAL}`),
  totalExact: z.boolean().describe(`false when more than ${MAX_EXACT_TOTAL} claims match (total is then a lower bound)`),
});
export type ClaimPage = z.infer<typeof ClaimPage>;

export const IdParams = z.object({ id: text(200) }).strict();
export type IdParams = z.infer<typeof IdParams>;

export const PaperDetail = z.object({
  id: z.string(),
  title: z.string(),
  abstract: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  /** Where to read the paper: a url, arXiv id or DOI from its metadata, as a link; null when it has none. */
  sourceUrl: z.string().nullable(),
  /** The typed metadata (papers columns of migration 051, read from the input's fields of these names). */
  published: z.string().nullable().describe('publication date, ISO (from published, date or year)'),
  year: z.number().int().nullable(),
  venue: z.string().nullable(),
  authors: z.array(z.string()),
  categories: z.array(z.string()),
  extractorVersion: z.string(),
  batches: z.array(z.string()),
  /** In abstract order; `span` indexes `abstract`. */
  claims: z.array(StoredClaim),
  /** Which version this is: the same id with different text is the paper's next version. */
  version: z.number().int().positive(),
  /** Every version the store holds, oldest first; the last is the current one, whose claims every other route serves. */
  versions: z.array(z.object({ version: z.number().int().positive(), storedAt: z.string(), claims: z.number().int(), current: z.boolean() })),
});
export type PaperDetail = z.infer<typeof PaperDetail>;

/** GET /api/papers/:id takes an earlier version's number; none: the current version. */
export const PaperQuery = z.object({ version: count().optional().describe('an earlier version of the paper (claims history ID lists them); default: the current one') }).strict();
export type PaperQuery = z.infer<typeof PaperQuery>;

/** GET /api/stats takes the claim filter (no sort, paging). */
export const StatsQuery = ClaimFilterQuery.omit({ sort: true }).strict().superRefine(minNotAboveMax);
export type StatsQuery = z.infer<typeof StatsQuery>;

export const Stats = z.object({
  claims: z.number().int(),
  papers: z.number().int().describe('papers with a matching claim'),
  papersStored: z.number().int().describe("stored papers under the filter's paper fields (paper, batch, year, venue, category), with a matching claim or not: \"384 papers, 288 with claims\""),
  /** Papers and matching claims by publication year (papers whose metadata dates them). */
  byYear: z.array(z.object({ year: z.number().int(), papers: z.number().int(), papersWithClaims: z.number().int(), claims: z.number().int() })),
  byKind: z.array(z.object({ kind: ClaimKind, n: z.number().int() })),
  byUnit: z.array(z.object({ unit: z.string(), n: z.number().int() })),
  byKindUnit: z.array(z.object({ kind: ClaimKind, unit: z.string(), n: z.number().int() })),
  /** Factors (speedup, efficiency) in log-scale bins: four per decade, [lower, upper). */
  factorDistribution: z.array(
    z.object({ kind: ClaimKind, bin: z.number().int(), lower: z.number(), upper: z.number(), n: z.number().int() }),
  ),
  /** quality_delta claims grouped by canonical metric (metricKey true), or by the metric as written (lower-cased) where it has none, and unit. */
  qualityDeltas: z.array(
    z.object({ metric: z.string(), metricKey: z.boolean(), unit: z.string(), n: z.number().int(), mean: z.number(), median: z.number(), min: z.number(), max: z.number() }),
  ),
  /** The papers with the most claims of each kind. */
  topPapers: z.array(
    z.object({ kind: ClaimKind, paperId: z.string(), title: z.string(), claims: z.number().int(), maxValue: z.number().nullable() }),
  ),
  batches: z.array(
    z.object({ id: z.string(), name: z.string(), createdAt: z.string(), papers: z.number().int(), claims: z.number().int() }),
  ),
});
export type Stats = z.infer<typeof Stats>;

export const BatchList = z.object({ batches: z.array(BatchProgress) });
export type BatchList = z.infer<typeof BatchList>;

export const BatchDetail = BatchProgress.extend({ rejections: z.array(Rejection) });
export type BatchDetail = z.infer<typeof BatchDetail>;

export const AddBatchQuery = z
  .object({ name: text(200).optional().describe('batch name (default: "api")') })
  .strict();
export type AddBatchQuery = z.infer<typeof AddBatchQuery>;

/** JSON body of POST /api/batches (JSONL and CSV bodies are read by the readers). */
export const AddBatchJson = z.object({
  name: text(200).optional(),
  records: z.array(z.unknown()).min(1, 'must hold at least one record'),
});
export type AddBatchJson = z.infer<typeof AddBatchJson>;

export const BatchAccepted = z.object({
  batch: BatchRef,
  records: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** The first rejections, in the CLI's `file:line: field: reason` form. */
  rejections: z.array(z.string()),
});
export type BatchAccepted = z.infer<typeof BatchAccepted>;

export const ApiError = z.object({ statusCode: z.number().int(), error: z.string(), message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

export const Health = z.object({ status: z.string() });
export const Readiness = z.object({ ready: z.boolean(), checks: z.record(z.string(), z.string()) });

/** The claim filter without sort or paging: /api/facets, /api/leaderboards. */
export const FilterOnlyQuery = ClaimFilterQuery.omit({ sort: true }).strict().superRefine(minNotAboveMax);
export type FilterOnlyQuery = z.infer<typeof FilterOnlyQuery>;

export const FacetCount = z.object({
  value: z.string(),
  /** What the page shows: a batch's name and date; the value itself otherwise. */
  label: z.string(),
  n: z.number().int(),
});
export type FacetCount = z.infer<typeof FacetCount>;

export const FACET_FIELDS = ['kind', 'unit', 'metricKey', 'settingKey', 'baselineKey', 'qualifier', 'batch'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** GET /api/facets: counts of matching claims by each filterable field, most frequent first. */
export const Facets = z.object({
  claims: z.number().int(),
  papers: z.number().int(),
  /** Each facet is counted without its own filter, so the values beside the chosen ones stay visible. */
  facets: z.object(Object.fromEntries(FACET_FIELDS.map((f) => [f, z.array(FacetCount)])) as Record<FacetField, z.ZodArray<typeof FacetCount>>),
});
export type Facets = z.infer<typeof Facets>;

export const Better = ClaimView.shape.better;

/**
 * Boards hide rows whose extraction confidence is below this unless asked
 * (`minConfidence`, `includeLowConfidence`). Claims an extractor before 2.0
 * stored have no confidence and are kept. The SQL view leaderboard_entries
 * applies the same default (migration 050; a test holds them equal).
 */
export const DEFAULT_BOARD_MIN_CONFIDENCE = 0.5;

/** `true`/`false` in a query string (or a boolean from code). */
const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])], { error: 'must be true or false' })
  .transform((v) => v === true || v === 'true' || v === '1');

const confidence = z
  .union([z.number(), z.string().regex(NUMBER).transform(Number)], { error: 'must be a number' })
  .pipe(z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'));

/** What every board takes about confidence. */
const BoardConfidence = {
  minConfidence: confidence
    .default(DEFAULT_BOARD_MIN_CONFIDENCE)
    .describe(`rank only claims whose confidence is at least this (default ${DEFAULT_BOARD_MIN_CONFIDENCE}); claims without one (extractors before 2.0) are kept`),
  includeLowConfidence: flag.default(false).describe('also list the rows below minConfidence, unranked and marked lowConfidence (the page greys them)'),
};

/**
 * A leaderboard: claims that can be compared. One canonical metric, kind and
 * unit (a percent-scale metric written with and without "%" is one), on one
 * dataset or benchmark (null: none stated); per hardware for metrics measured
 * on a machine; and for deltas (quality_delta, speedup, efficiency) over one
 * baseline: gains over different baselines are never ranked together.
 */
export const Board = z.object({
  metricKey: z.string(),
  kind: ClaimKind,
  unit: CanonicalUnit,
  setting: z.string().nullable().describe('a canonical dataset or benchmark; null: the claims that state none'),
  perHardware: z.boolean().describe('the metric is measured on a machine: boards are per hardware'),
  hardware: z.string().nullable().describe('with perHardware: the canonical hardware; null: none stated'),
  baseline: z.string().nullable().describe('for deltas: the canonical baseline the gains are over; null: none named (listed, not ranked)'),
  ranked: z.boolean().describe('false for deltas without a baseline: reported gains, not a ranking'),
  better: Better.describe('the direction the board ranks in'),
  papers: z.number().int(),
  claims: z.number().int(),
});
export type Board = z.infer<typeof Board>;

export const BoardList = z.object({ boards: z.array(Board) });
export type BoardList = z.infer<typeof BoardList>;

/** GET /api/leaderboards: the claim filter, the confidence of boards, and the index's own filters. */
export const LeaderboardsQuery = ClaimFilterQuery.omit({ sort: true, minConfidence: true })
  .extend({
    ...BoardConfidence,
    minPapers: z.coerce.number().int('must be an integer').min(1).optional().describe('only boards with at least this many papers'),
  })
  .strict()
  .superRefine(minNotAboveMax);
export type LeaderboardsQuery = z.infer<typeof LeaderboardsQuery>;

export const LeaderboardParams = z.object({ metric: text(200).describe('a canonical metric key, e.g. accuracy') }).strict();

/** Kinds that say how much better than a baseline: ranked only over one baseline. */
export const DELTA_KINDS: readonly ClaimKind[] = ['quality_delta', 'speedup', 'efficiency'];

/** "none" picks the claims that state no setting, hardware or baseline. */
export const NOT_STATED = 'none';

export const LeaderboardQuery = z
  .object({
    setting: text(200).optional().describe(`a canonical dataset or benchmark (ImageNet, GSM8K, ...), or "${NOT_STATED}"; omitted: the board with the most papers`),
    hardware: text(200).optional().describe(`for metrics measured on a machine: canonical hardware (A100, Jetson, ...), or "${NOT_STATED}"; omitted: the board with the most papers`),
    baseline: text(200).optional().describe(`for deltas: a canonical baseline (ranked), or "${NOT_STATED}"; omitted: the gains over every baseline, listed with their baselines and not ranked`),
    unit: CanonicalUnit.optional().describe('omitted: the unit with the most papers'),
    kind: ClaimKind.optional().describe('omitted: the kind with the most papers'),
    batch: text(200).optional().describe('only papers of this batch'),
    ...BoardConfidence,
    limit: count(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .strict();
export type LeaderboardQuery = z.infer<typeof LeaderboardQuery>;
export type LeaderboardQueryInput = z.input<typeof LeaderboardQuery>;

/** Where a paper can be read: its own page here, and its source where the batch's metadata gave one. */
export const PaperLinks = z.object({
  page: z.string().describe('the paper on this site (#/paper/ID)'),
  source: z.string().nullable().describe('url, DOI or arXiv link from the paper\'s metadata'),
});

/** The setting of a row, by what each canonical key names. */
export const RowSetting = z.object({
  datasets: z.array(z.string()).describe('datasets and benchmarks'),
  models: z.array(z.string()).describe('models or variants'),
  hardware: z.array(z.string()),
  text: z.string().nullable().describe('the setting as written'),
});
export type RowSetting = z.infer<typeof RowSetting>;

export const LeaderboardRow = z.object({
  rank: z.number().int().nullable().describe('null: not ranked (a gain over another or no baseline, or below minConfidence)'),
  paperId: z.string(),
  paperTitle: z.string(),
  year: z.number().int().nullable().describe('the paper\'s publication year, where its metadata gives one'),
  published: z.string().nullable().describe('the paper\'s publication date as given, ISO (2021-03-04, 2021-03 or 2021)'),
  /** The value ranked: the best end of a range, in the board's direction, on the board's scale. */
  value: z.number(),
  display: z.string().describe('the value with its qualifier, as people read it ("up to 3.1×", "≥ 2×")'),
  metric: z.string().nullable().describe('the metric as written'),
  setting: RowSetting,
  baseline: z.string().nullable().describe('the baseline as written'),
  baselineKey: z.string().nullable(),
  confidence: z.number().nullable(),
  lowConfidence: z.boolean().describe('below minConfidence: shown only with includeLowConfidence, greyed'),
  claim: ClaimView,
  links: PaperLinks,
});
export type LeaderboardRow = z.infer<typeof LeaderboardRow>;

export const Leaderboard = z.object({
  board: Board.nullable().describe('null when no claim has this metric (and setting)'),
  /** True for deltas asked without a baseline: every baseline's gains, listed with their baselines, not ranked. */
  acrossBaselines: z.boolean(),
  /** One row per paper (per baseline across baselines): its best claim on the board. */
  rows: z.array(LeaderboardRow),
  /** The other boards of this metric (other settings, hardware, baselines, units or kinds). */
  siblings: z.array(Board),
  /** Progress over time: the best value so far by publication date, one step per paper that improved on it (ranked boards only). */
  progress: z.array(z.object({ published: z.string(), value: z.number(), display: z.string(), paperId: z.string(), paperTitle: z.string() })),
});
export type Leaderboard = z.infer<typeof Leaderboard>;

export const BaselineList = z.object({
  baselines: z.array(z.object({ baselineKey: z.string(), claims: z.number().int(), papers: z.number().int() })),
});
export type BaselineList = z.infer<typeof BaselineList>;

export const BaselineParams = z.object({ key: text(200).describe('a canonical baseline key, e.g. FlashAttention-2') }).strict();

export const BaselineQuery = z
  .object({
    kind: anyOf(ClaimKind).optional(),
    batch: text(200).optional(),
    ...BoardConfidence,
    limit: count(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .strict();
export type BaselineQuery = z.infer<typeof BaselineQuery>;

/** GET /api/baselines/:key: every claim over one baseline, ranked within each kind and unit. */
export const BaselineBoard = z.object({
  baselineKey: z.string(),
  groups: z.array(
    z.object({
      kind: ClaimKind,
      unit: CanonicalUnit,
      better: Better,
      rows: z.array(LeaderboardRow),
    }),
  ),
});
export type BaselineBoard = z.infer<typeof BaselineBoard>;

/** Routes that take no query parameters still refuse unknown ones, like every other route (400 naming them). */
export const NoQuery = z.object({}).strict();
