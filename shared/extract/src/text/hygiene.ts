// Text hygiene with same-length substitutions only, so that every offset into
// the cleaned text is also an offset into the original (spans must index the
// abstract exactly as given, in UTF-16 code units).

const SAME_LENGTH: Record<string, string> = {
  '\u00d7': 'x', // multiplication sign
  '\u2715': 'x', // multiplication x
  '\u2212': '-', // minus sign
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\ufe63': '-', '\uff0d': '-',
  '\u00a0': ' ', '\u2002': ' ', '\u2003': ' ', '\u2007': ' ', '\u2008': ' ', '\u2009': ' ', '\u200a': ' ', '\u202f': ' ',
  '\u2248': '~', '\u223c': '~', '\u301c': '~', '\uff5e': '~', // approximately, tilde operator
  '\uff05': '%', '\u066a': '%',
  '\u2215': '/', '\u2044': '/',
  '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"',
  '\u2265': '>', '\u2264': '<',
  '\u03bc': '\u00b5', // Greek mu as micro sign
};

const PATTERN = new RegExp(`[${Object.keys(SAME_LENGTH).join('')}]`, 'g');

/** The text with look-alike characters replaced one-for-one; length is unchanged. */
export function cleanText(text: string): string {
  return text.replace(PATTERN, (c) => SAME_LENGTH[c] ?? c);
}
