// Context fields (scored softly): what is measured, against what, and where.
export { metricText } from './metric.js';
export { withoutReferenceName } from './metric-tidy.js';
export { baselineCues, baselineFor, baselineOfMember, comparesAgainst, type BaselineCue } from './baseline.js';
export { settingFor, settingsIn, type SettingMention } from './setting.js';
export { withPaperMetric } from './paper-metric.js';
