// The `setting` context field: the dataset, model or hardware a figure was obtained on.
import type { Sentence } from '../../text/sentences.js';
import type { Quantity } from '../quantities.js';

/** "on ImageNet", "using an A100 GPU", "for GPT-2": a capitalized or alphanumeric name after a preposition. */
const SETTING =
  /\b(?:on|for|using|in)\s+(?:the\s+|a\s+|an\s+)?((?:[A-Z][\w.+/-]*|[a-z]+-?[A-Z0-9][\w.+/-]*|\d+[A-Za-z][\w.-]*)(?:[\s-](?:[A-Z0-9][\w.+/-]*|GPU|GPUs|dataset|benchmark))*)/g;

/** A named setting in a sentence, at its absolute offset. */
export interface SettingMention {
  at: number;
  name: string;
}

/** Every named setting of a sentence, in text order (scanned once per sentence, read per claim). */
export function settingsIn(s: Sentence): SettingMention[] {
  const found: SettingMention[] = [];
  SETTING.lastIndex = 0;
  for (let m = SETTING.exec(s.text); m; m = SETTING.exec(s.text)) found.push({ at: s.start + m.index, name: m[1].replace(/[.,]$/, '') });
  return found;
}

/** Dataset, model or hardware the figure was obtained on: the first setting soon after it, else the last before it. */
export function settingFor(q: Quantity, found: SettingMention[]): string | null {
  const after = found.find((f) => f.at >= q.end && f.at - q.end < 80);
  const before = found.filter((f) => f.at < q.start).at(-1);
  return (after ?? before)?.name ?? null;
}
