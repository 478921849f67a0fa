export { BadQueryError } from './errors.js';
// The claim filter lives with the store, which filters with it too.
export { claimConditions, likePattern, Params, whereClause, type ClaimFilter } from '@claimflow/store';
export { decodeCursor, encodeCursor, type SortKey } from './cursor.js';
export { evidenceFor } from './evidence.js';
export { CLAIM_VIEW_COLUMNS, claimViewFromRow, type ClaimViewRow } from './claim-rows.js';
export { countClaims, queryClaims, selectClaimRows } from './claims-page.js';
export { claimFacets } from './facets.js';
export { baselineBoard, leaderboard, listBaselines, listBoards } from './leaderboards.js';
export { paperLinks, sourceUrl } from './links.js';
export { paperHref } from './paper-href.js';
export { iterateClaims, type IterateOptions } from './iterate.js';
export { csvField, csvHeader, csvLine, EXPORT_COLUMNS, exportChunks, flattenClaim, jsonLine, type FlatClaim } from './export-formats.js';
export { writeParquetFile } from './parquet.js';
export { BINS_PER_DECADE, claimStats, claimStatsAt, StatsCache, type StatsAt } from './stats.js';
export { paperDetail, paperVersions } from './paper.js';
export { type ArgValues, FILTER_OPTIONS, FILTER_USAGE, flagOf, parseClaimArgs, UsageError } from './cli-args.js';
export { advanceCursor, deleteSearch, getSearch, listSearches, pendingMatches, recentMatches, saveSearch, SearchExistsError, type AlertChannel } from './saved-searches.js';
export { atomFeed } from './atom.js';
