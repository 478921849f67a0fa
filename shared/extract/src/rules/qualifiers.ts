// Qualifiers: the words around a number that bound or soften it. Patterns are
// matched against the text right before the number (anchored at its end) and
// right after it (anchored at its start); the first that matches wins.
import type { Qualifier } from '@claimflow/schemas';
import { endAnchored } from '../text/patterns.js';

interface QualifierCue {
  qualifier: Qualifier;
  pattern: RegExp;
  keepsWords?: boolean;
}

/** Filler allowed between a qualifier and its number: "roughly a 1.5x", "by up to 3x", "of about 2x". */
const GAP = String.raw`\s*(?:(?:a|an|the|by|of|to|at)\s+)?$`;

/** Words of a qualifier, before the number: the pattern is the phrase list anchored at the number. */
const before = (phrases: string[]) => new RegExp(String.raw`\b(?:${phrases.join('|')})${GAP}`, 'i');

const UP_TO = ['up to', 'as much as', 'as high as', 'as many as', 'at most', 'no more than', 'within', 'less than', 'fewer than', 'below', 'under'];
const AT_LEAST = ['more than', 'over', 'at least', 'greater than', 'exceeding', 'exceeds?', 'above', 'in excess of', 'upwards of', 'beyond'];
const ABOUT = ['about', 'approximately', 'approx\\.?', 'nearly', 'roughly', 'around', 'almost', 'close to', 'circa', 'some', 'on the order of'];

export const QUALIFIERS_BEFORE: QualifierCue[] = [
  { qualifier: 'upper_bound', pattern: before(UP_TO) },
  { qualifier: 'upper_bound', pattern: /(?:<|≤)\s*$/ },
  { qualifier: 'lower_bound', pattern: before(AT_LEAST) },
  { qualifier: 'lower_bound', pattern: /(?:>|≥)\s*$/ },
  { qualifier: 'approximate', pattern: before(ABOUT) },
  { qualifier: 'approximate', pattern: /(?:~|\\sim|\$\\sim\$|(?:^|[^A-Za-z])sim|\\approx)\s*$/ },
  { qualifier: 'average', pattern: /\b(?:an?|on|in) average(?:\s+of)?\s*(?:(?:a|an|by)\s+)?$/i },
  // "an average speedup of 1.4", "reduces average task completion time by 23%", "average savings between": the words in
  // between name the metric, so they stay cues (keepsWords); "average precision" is a metric's name, not an average
  { qualifier: 'average', pattern: /\baverage(?:d)?\s+(?!precision\b|recall\b)(?:[\w-]+\s+){0,4}?(?:of|by|between)\s+$/i, keepsWords: true },
  { qualifier: 'average', pattern: /\b(?:on )?average\s*,?\s*$/i },
  { qualifier: 'average', pattern: /\baveraging\s+(?:(?:about|around|roughly)\s+)?$/i }, // "averaging 87%"
];

/** QUALIFIERS_BEFORE's patterns as endAnchored tests (each is anchored at the end of the text before the number). */
const ENDS_BEFORE = QUALIFIERS_BEFORE.map((cue) => endAnchored(cue.pattern));

export const QUALIFIERS_AFTER: QualifierCue[] = [
  { qualifier: 'average', pattern: /^\)?\s*,?\s*(?:[a-z-]+\s+){0,2}(?:on average|in average|on the average|averaged)\b/i },
  // "a 34% average improvement", "2.1x mean speedup"
  { qualifier: 'average', pattern: /^\s*(?:average|mean)\s+(?:[\w-]+\s+)?(?:improvements?|gains?|increases?|reductions?|decreases?|speed-?ups?|boosts?|savings?|drops?)\b/i },
  { qualifier: 'lower_bound', pattern: /^\s*(?:or more|and above|or higher|or greater)\b/i },
];

/** The qualifier of a number and, when it comes before, where its words start (they are not direction cues). */
export function readQualifier(before: string, after: string): { qualifier: Qualifier; wordsFrom: number } | null {
  const tail = before.slice(-60);
  for (const [i, cue] of QUALIFIERS_BEFORE.entries()) {
    // the test first: exec found no match in most tails, after reading each at every position
    if (!ENDS_BEFORE[i].test(tail)) continue;
    const m = cue.pattern.exec(tail);
    if (m) return { qualifier: cue.qualifier, wordsFrom: cue.keepsWords ? before.length : before.length - tail.length + m.index };
  }
  const qualifier = qualifierAfter(after);
  return qualifier && { qualifier, wordsFrom: before.length };
}

/** The qualifier written right after a number (or after the last member of a list: "by 8.9% and 17.2% on average"), or null. */
export function qualifierAfter(after: string): Qualifier | null {
  const head = after.slice(0, 40);
  return QUALIFIERS_AFTER.find((cue) => cue.pattern.test(head))?.qualifier ?? null;
}
