// @claimflow/units: the contract's units, metrics and normalization rules.
export { normalizeDraft, toClaimRecord, type Normalized } from './normalize.js';
export { RELATIONS, RELATIVE_SUFFIX, isRelation, type Relation } from './relations.js';
export { MEASURE_UNITS, WRITTEN_UNITS, COUNT_MULTIPLIERS, FACTOR_UNIT_READINGS, readFactor, readUnit, type UnitReading } from './units-table.js';
export { QUALITY_METRICS, metricRow, metricsIn, metricScale, metricIsGeneric, type MetricRow } from './metrics-table.js';
export { parseNumber, NUMBER_WORD_LIST } from './numbers.js';
