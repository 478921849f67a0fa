// A claim's canonical keys, computed from its text when it is written (and
// again by `claims reprocess` when the tables change): what analysts group,
// filter and rank by.
import { baselineKey, BASELINE_KEYS } from './baseline-keys.js';
import { metricKey, METRIC_KEYS } from './metric-keys.js';
import { settingMentions, SETTING_KEYS, type SettingCategory, type SettingMention } from './setting-keys.js';

export interface ClaimKeys {
  metricKey: string | null;
  settingKeys: string[];
  baselineKey: string | null;
}

export interface ClaimKeyInput {
  metric: string | null;
  setting: string | null;
  baseline: string | null;
  sentence: string | null;
  /** The claim's number as written, to find it in the sentence. */
  text: string;
}

/** Settings the sentence may add when the setting names none of their kind: models in a sentence are mostly the method or the baseline. */
const FROM_SENTENCE: SettingCategory[] = ['dataset', 'benchmark', 'hardware'];

/**
 * The keys of one claim. Settings come from its setting first; a dataset,
 * benchmark or hardware the setting does not name is taken from the evidence
 * sentence when it names one ("On ImageNet, ... 0.5% higher accuracy" with
 * setting "Pixel" is on ImageNet and on a Pixel phone): the mention nearest
 * the claim's number, of each kind, and never one inside the baseline.
 */
export function claimKeys(c: ClaimKeyInput): ClaimKeys {
  return keysWith(DIRECT, c);
}

/** The table look-ups claimKeys makes, each a pure function of one text. */
interface Lookups {
  mentions(text: string | null): SettingMention[];
  metric(text: string | null): string | null;
  baseline(text: string | null): string | null;
}

const DIRECT: Lookups = { mentions: settingMentions, metric: (t) => metricKey(t)?.key ?? null, baseline: baselineKey };

function keysWith(look: Lookups, c: ClaimKeyInput): ClaimKeys {
  const ofSetting = look.mentions(c.setting);
  const settingKeys = ofSetting.map((m) => m.key);
  const covered = new Set(ofSetting.map((m) => m.category));
  const at = c.sentence?.indexOf(c.text) ?? -1;
  const inBaseline = new Set(look.mentions(c.baseline).map((m) => m.key));
  const nearest = new Map<SettingCategory, { key: string; distance: number }>();
  for (const m of look.mentions(c.sentence)) {
    if (covered.has(m.category) || !FROM_SENTENCE.includes(m.category) || inBaseline.has(m.key)) continue;
    const distance = at < 0 ? m.offset : Math.abs(m.offset - at);
    const prev = nearest.get(m.category);
    if (!prev || distance < prev.distance) nearest.set(m.category, { key: m.key, distance });
  }
  for (const { key } of nearest.values()) if (!settingKeys.includes(key)) settingKeys.push(key);
  return { metricKey: look.metric(c.metric), settingKeys, baselineKey: look.baseline(c.baseline) };
}

function memo<T>(fn: (text: string | null) => T): (text: string | null) => T {
  const seen = new Map<string | null, T>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined && !seen.has(text)) seen.set(text, (v = fn(text)));
    return v as T;
  };
}

/**
 * claimKeys with each table look-up made once per distinct text: the claims
 * of one write share their sentences (several figures in one), metrics and
 * baselines. One cache per chunk, dropped with it, so it never grows. The
 * results are those of claimKeys; the arrays it returns are the caller's own.
 */
export function claimKeysCache(): (c: ClaimKeyInput) => ClaimKeys {
  const look: Lookups = { mentions: memo(settingMentions), metric: memo(DIRECT.metric), baseline: memo(baselineKey) };
  return (c) => keysWith(look, c);
}

/** FNV-1a of the tables: changes whenever a spelling or a row does, so stored keys know they are stale. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The version of the key tables (and of claimKeys: bump the suffix when its rules change). */
export const KEYS_VERSION = `${fingerprint(JSON.stringify([METRIC_KEYS, SETTING_KEYS, BASELINE_KEYS]))}.1`;
