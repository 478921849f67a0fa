// Patterns anchored at the end of the text they test: the words right
// before a figure ("... by ", "compared to ", "within ").

/**
 * The same test as `pattern` (`pattern.test(text)` for every text), made
 * cheaper, for a pattern each of whose top-level alternatives ends with `$`.
 *
 * The engine tries a pattern at every position of the text, and one that is
 * anchored at the end reads the words at each position before it fails at
 * the end: a pattern run on the text before a figure read that whole text.
 * As `$(?<=pattern)` it fails at once at every position but the end, where
 * the look-behind reads the same pattern back from there. A look-behind
 * matches where the pattern ends at that place, and without back-references
 * (refused here) reading backwards finds a match exactly when reading
 * forwards does. Only `test` is the same: match positions and groups differ,
 * so a pattern whose match is read (`exec`) stays as it is.
 *
 * Not every such pattern gains: one that ends in a long run of any characters
 * ("[^()]*$", "[^,;:()]{0,50}$") tries each length of the run when read
 * back, and costs more than it did (measured: three of them stay as they were).
 */
export function endAnchored(pattern: RegExp): RegExp {
  if (!pattern.source.endsWith('$') || /\\[1-9]|\\k</.test(pattern.source) || pattern.global || pattern.sticky) {
    throw new Error(`endAnchored: not a pattern anchored at the end without back-references: ${pattern}`);
  }
  const made = new RegExp(`$(?<=${pattern.source})`, pattern.flags);
  END_ANCHORED.push({ pattern, made });
  return made;
}

/** Every pattern endAnchored made, with the pattern it was made from: the tests check that both agree. */
export const END_ANCHORED: { pattern: RegExp; made: RegExp }[] = [];
