// Small phrasings around a number that several rules test (windows, decisions). Each pattern is
// matched against `lead` (text before the number, qualifiers removed) or
// `after` (text after it).

/** "raised to 85%", "reduced to 25% of": the figure reached, not the change ("up to" is a qualifier). */
export const reachesTo = (lead: string) => /(?:^|[^p]\s)to\s+$/i.test(lead) && !/\bup to\s+$/i.test(lead);

/** "... by 3%": the figure is a change. */
export const BY_CHANGE = /\bby\s+$/i;

/** A share follows: "N% of ...". */
export const OF_WHOLE = /^\s*of\b/;

/** Words that introduce the value of a metric named before: "an F1 of 91.2", "scores 88.4", "reaches 70.5". */
export const VALUE_LEAD =
  /\b(?:of|is|was|are|at|=|:|reach(?:es|ed)?|achieves?|achieved|attains?|obtains?|scores?|scored|gets?|to)\s+(?:an?\s+)?(?:\w+\s+)?$/i;

/** A figure set after a comma that comments on the previous one: "40 tok/s, 2.5x higher than X". */
export const APPOSITION = /,\s*(?:which is\s+|i\.e\.,?\s+|being\s+|or\s+)?(?:an?\s+)?$/i;

/** "only 10% of", "just 4% of": a small share of a resource. */
export const ONLY = /\b(?:only|just|merely|mere)\s+(?:[a-z]+\s+){0,2}$/i;

/** "a speedup of 1.4", "a size reduction of 0.6": a bare number after a change noun. */
export const CHANGE_NOUN_OF =
  /\b(speed-?ups?|accelerations?|improvements?|reductions?|savings?|compression(?: ratio)?|gains?)\s+(?:of|by|is|was|reaches|=)\s+(?:\w+\s+){0,2}$/i;

/** "achieves 61.5% on a benchmark": a verb of scoring, then a named benchmark. */
export const SCORES_ON = {
  lead: /\b(?:achieves?|achieving|achieved|reach(?:es|ing|ed)?|attains?|obtains?|scores?|scoring|scored|gets?)\s+(?:an?\s+)?$/i,
  after: /^\s+on\s+(?:the\s+)?[A-Z][\w-]*\b/,
};

/** "outperforms X by 2.7%", "by a large margin of 4 points". */
export const BY_MARGIN = /\bby\s+(?:(?:a|an)\s+(?:\w+\s+)?margin\s+of\s+)?$/i;

/** "within 0.8% of": a bounded loss against a reference. */
export const WITHIN = /\bwithin\s+$/i;

/** "solves 71% of the tasks", "passes 64% of the tests": a success rate. */
export const SOLVES_SHARE = /\b(?:solv|resolv|complet|pass|answer)(?:es|ed|ing|e|s)?\s+(?:correctly\s+)?$/i;
