// @claimflow/units: the contract's units, metrics and normalization rules.
export { normalizeDraft, toClaimRecord, type Normalized } from './normalize.js';
export { RELATIONS, RELATIVE_SUFFIX, isRelation, type Relation } from './relations.js';
export { MEASURE_UNITS, WRITTEN_UNITS, COUNT_MULTIPLIERS, FACTOR_UNIT_READINGS, readFactor, readUnit, type UnitReading } from './units-table.js';
export { QUALITY_METRICS, metricRow, metricsIn, metricScale, metricIsGeneric, type MetricRow } from './metrics-table.js';
export { parseNumber, NUMBER_WORD_LIST } from './numbers.js';
export { Lexicon, type LexiconRow, type LexiconMatch } from './phrase-lexicon.js';
export { METRIC_KEYS, METRIC_KEY_LIST, metricKey, metricKeyInfo, type MetricKey, type MetricKeyRow, type MetricKeyScale } from './metric-keys.js';
export { SETTING_CATEGORIES, SETTING_KEYS, settingCategory, settingKeysIn, settingMentions, type SettingCategory, type SettingKeyRow, type SettingMention } from './setting-keys.js';
export { BASELINE_KEYS, baselineKey } from './baseline-keys.js';
export { claimKeys, claimKeysCache, KEYS_VERSION, type ClaimKeyInput, type ClaimKeys } from './claim-keys.js';
export { betterDirection } from './ranking.js';
