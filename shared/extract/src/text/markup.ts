// Markup and conversion damage that hides a number's written form, as data.
// Abstracts arrive as LaTeX source ("50\%", "3$\times$", "\textbf{2x}",
// "$10$", "50~ms") or as text converted from PDF that lost a separator
// ("2, 500 times", "2 4x" for "2–4x"). Each rule rewrites one such form into
// the plain text the quantity rules read; ./hygiene.ts keeps the offsets.
import { isLetterCode, isLowerCode } from './chars.js';

/** One rewrite: the span [start, end) of the input becomes `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface MarkupRule {
  name: string;
  /** Cheap test on the whole abstract: the rule runs only where it can match. */
  applies: (text: string) => boolean;
  pattern: RegExp;
  /** The edits for one match; a string replaces the whole match. */
  rewrite: string | ((m: RegExpExecArray) => Edit[]);
}

const hasLatex = (t: string) => t.includes('\\') || t.includes('$');

/** Math content with no prose in it: "10", "2.11\%", "\times", "<1\%", "\sim 3". */
const MATHY = /^(?:\\[A-Za-z]+|[^A-Za-z]|(?<![A-Za-z])[A-Za-z](?![A-Za-z]))*$/;

/** Formatting commands whose argument is plain text: "\textbf{3x}" reads "3x". */
const WRAPPERS = ['textbf', 'textit', 'emph', 'mathbf', 'mathrm', 'mathit', 'text', 'texttt', 'underline', 'textsc', 'bm', 'boldsymbol', 'mathsf', 'textrm'];

const drop = (start: number, end: number): Edit => ({ start, end, text: '' });
/** Drops the delimiters (`width` characters each side) of inline math that holds no prose, `m[1]` being its content. */
const mathDelimiters = (width: number) => (m: RegExpExecArray): Edit[] =>
  MATHY.test(m[1]) ? [drop(m.index, m.index + width), drop(m.index + m[0].length - width, m.index + m[0].length)] : [];
/** A right arrow between two figures: a character, "->", or TeX's \rightarrow, \to, \longrightarrow (with or without dollars). */
const TRANSITION_ARROWS = ['\u2192', '\u27f6', '->', '\\rightarrow', '\\longrightarrow', '\\to'];
const TRANSITION_ARROW = new RegExp(
  TRANSITION_ARROWS.map((a) => (a.startsWith('\\') ? String.raw`\$?\\${a.slice(1)}\b\$?` : a.replace(/[-\\]/g, '\\$&'))).join('|'),
);
/** An up or down arrow, as a character or a LaTeX command. */
const ARROW = /[\u2191\u2193\u2b06\u2b07]|\\(?:up|down)arrow\b/;

/**
 * Whether glued-parenthesis's pattern has a match: a "(" with three lower-case letters right before it and a
 * letter right after. The "("s are found by indexOf and their neighbours read directly: the pattern, which
 * starts with a class, was tried at every letter of every abstract, and most abstracts have no such place.
 */
function hasGluedParenthesis(t: string): boolean {
  for (let i = t.indexOf('('); i >= 0; i = t.indexOf('(', i + 1)) {
    if (i >= 3 && isLowerCode(t.charCodeAt(i - 3)) && isLowerCode(t.charCodeAt(i - 2)) && isLowerCode(t.charCodeAt(i - 1)) && isLetterCode(t.charCodeAt(i + 1))) return true;
  }
  return false;
}
/** What pdf-lost-range-dash's matches hold: a digit, a space, a digit; a cheaper scan than its look-behind at every character. */
const DIGIT_SPACE_DIGIT = /\d \d/;

export const MARKUP_RULES: MarkupRule[] = [
  { name: 'latex-percent', applies: hasLatex, pattern: /\\%/g, rewrite: '%' },
  // "3$\times$" loses both dollars with the sign; in "$7.9\times$" the closing dollar pairs with one before the number,
  // so it stays for latex-inline-math: taken here, it left "$7.9x", and "$4.2$-$7.9\times$" was no range
  { name: 'latex-times', applies: hasLatex, pattern: /\$\s?\\(?:text)?times\b(?:\{\})?\s?\$|\s?\\(?:text)?times\b(?:\{\})?/g, rewrite: 'x' },
  // "$\uparrow$3.1\%", "(↑ 6.0%)": an arrow glued to a figure is its sign, up a gain and down a drop
  { name: 'arrow-sign', applies: (t) => ARROW.test(t), pattern: new RegExp(String.raw`(?:\$\\(?:up|down)arrow\$|${ARROW.source})\s?(?=\d)`, 'g'),
    rewrite: (m) => [{ start: m.index, end: m.index + m[0].length, text: /up|\u2191|\u2b06/.test(m[0]) ? '+' : '-' }] },
  { name: 'latex-approx', applies: hasLatex, pattern: /\$?\\(?:sim|approx|simeq|textasciitilde)\b\s?\$?/g, rewrite: '~' },
  { name: 'latex-dash', applies: hasLatex, pattern: /\\text(?:en|em)dash\b\s?/g, rewrite: '-' },
  { name: 'latex-bounds', applies: hasLatex, pattern: /\$?\\(?:geq?|leq?|pm)\b\s?\$?/g, rewrite: (m) => [{ start: m.index, end: m.index + m[0].length, text: /\\g/.test(m[0]) ? '>' : /\\l/.test(m[0]) ? '<' : '±' }] },
  {
    name: 'latex-fraction', // "$\frac{1}{4}$ of the memory" → "1/4": a fraction of two whole numbers, as written in text
    applies: (t) => t.includes('frac'),
    pattern: /\\[dt]?frac\s*\{\s*(\d{1,3})\s*\}\s*\{\s*(\d{1,4})\s*\}/g,
    rewrite: (m) => [{ start: m.index, end: m.index + m[0].length, text: `${m[1]}/${m[2]}` }],
  },
  { name: 'latex-micro', applies: hasLatex, pattern: /\\(?:textmu|mu)\b\s?/g, rewrite: 'µ' },
  { name: 'latex-thin-space', applies: hasLatex, pattern: /\\[,;!: ]/g, rewrite: (m) => [{ start: m.index, end: m.index + 2, text: m[0] === '\\,' ? '' : ' ' }] },
  {
    name: 'latex-wrapper', // "\textbf{16$\times$}" → "16x": the command and its braces go, the argument stays
    applies: hasLatex,
    pattern: new RegExp(String.raw`\\(?:${WRAPPERS.join('|')})\s*\{([^{}]*)\}`, 'g'),
    rewrite: (m) => [drop(m.index, m.index + m[0].length - m[1].length - 1), drop(m.index + m[0].length - 1, m.index + m[0].length)],
  },
  {
    name: 'latex-inline-math', // "$10$", "$2.11\%$": the dollars of math that holds no prose
    applies: (t) => t.includes('$'),
    pattern: /(?<!\\)\$([^$]{1,40}?)(?<!\\)\$/g,
    rewrite: mathDelimiters(1),
  },
  {
    name: 'latex-paren-math', // "\(3\times\)", "\(45\%\)": LaTeX's other inline math delimiters, read as the dollars are
    applies: (t) => t.includes('\\('),
    pattern: /\\\(([^]{1,40}?)\\\)/g,
    rewrite: mathDelimiters(2),
  },
  // "31.2% → 45.6%", "(71.3 $\rightarrow$ 75.5)": an arrow between two figures is a change from the first to the second,
  // which the rules read in words ("from 31.2% to 45.6%": only the second is the work's figure)
  {
    name: 'arrow-transition',
    applies: (t) => TRANSITION_ARROWS.some((a) => t.includes(a)),
    pattern: new RegExp(String.raw`(?<![\w.])(?=[+-]?\.?\d)[+-]?[\d.,]*\d(?:\s?(?:%|pp|x))?(\s*(?:${TRANSITION_ARROW.source})\s*)(?=[+-]?\.?\d)`, 'g'),
    rewrite: (m) => {
      const arrowAt = m.index + m[0].length - m[1].length;
      const from = /\bfrom\s*\(?\s*$/i.test(m.input.slice(Math.max(0, m.index - 12), m.index)) ? [] : [{ start: m.index, end: m.index, text: 'from ' }];
      return [...from, { start: arrowAt, end: m.index + m[0].length, text: ' to ' }];
    },
  },
  // "60--73\%", "2--3$\times$", "10 -- 20 ms": TeX writes a range's en dash as two hyphens (three for an em dash)
  { name: 'tex-range-dash', applies: (t) => t.includes('--'), pattern: /(?<=\d[%x]?)\s?-{2,3}\s?(?=\d)/g, rewrite: '-' },
  { name: 'latex-braces', applies: (t) => t.includes('{'), pattern: /(?<!\\)[{}]/g, rewrite: '' }, // "78%{–}95%", "Bj{\o}ntegaard"
  { name: 'latex-nbsp', applies: (t) => t.includes('~'), pattern: /(?<=[A-Za-z0-9])~(?=[A-Za-z])|(?<=[A-Za-z])~(?=[0-9])/g, rewrite: ' ' }, // "50~ms", "Cellpose~3"
  {
    name: 'glued-parenthesis', // "recognition(Acc@1: +8.9%)": a word glued to the parenthesis that follows it
    applies: hasGluedParenthesis,
    pattern: /[a-z]{3}\((?=[A-Za-z])/g, // no look-behind: it made the engine try it at every character
    rewrite: (m) => [{ start: m.index + 3, end: m.index + 4, text: ' (' }],
  },
  {
    name: 'pdf-split-thousands', // "2, 500 times": a thousands separator that gained a space
    applies: (t) => t.includes(', '),
    pattern: /(?<![\d.,])\d{1,3}(, )\d{3}(?!\d)(?=\s?(?:x|X|times|-?fold|%))/g,
    rewrite: (m) => [drop(m.index + m[0].indexOf(', ') + 1, m.index + m[0].indexOf(', ') + 2)],
  },
  {
    name: 'pdf-lost-range-dash', // "2 4x", "10 30%": a range whose dash was lost in conversion
    applies: (t) => DIGIT_SPACE_DIGIT.test(t), // every match: a number, one space, a number
    pattern: /(?<![\d.,]\s?|[A-Za-z-])(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)(?=\s?(?:x|X|times|%)(?![A-Za-z]))/g,
    rewrite: (m) => (Number(m[1]) < Number(m[2]) ? [{ start: m.index + m[1].length, end: m.index + m[1].length + 1, text: '-' }] : []),
  },
];
