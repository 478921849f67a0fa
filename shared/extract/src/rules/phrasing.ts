// Small phrasings around a number that several rules test (windows, decisions). Each pattern is
// matched against `lead` (text before the number, qualifiers removed) or
// `after` (text after it). Those anchored at the end of `lead` are made
// endAnchored: tried at every position, each read the whole text before the number.
import { endAnchored } from '../text/patterns.js';

/** "raised to 85%", "reduced to 25% of": the figure reached, not the change ("up to" is a qualifier). */
const TO = endAnchored(/(?:^|[^p]\s)to\s+$/i);
const UP_TO = endAnchored(/\bup to\s+$/i);
export const reachesTo = (lead: string) => TO.test(lead) && !UP_TO.test(lead);

/** "drops from 90 ms to ...": a change from one figure to another ("ranging from 4x to 12x" is a range, not a change). */
const FROM = endAnchored(/\bfrom\s+$/i);
const RANGING_FROM = endAnchored(/\b(?:rang\w*|var\w*)\s+from\s+$/i);
export const changesFrom = (before: string) => FROM.test(before) && !RANGING_FROM.test(before);

/** "... by 3%", "increases by just 0.02": the figure is a change. */
export const BY_CHANGE = endAnchored(/\bby\s+(?:(?:only|just|merely|a mere|a further)\s+)?$|\bby\s+(?:a|an)\s+(?:\w+\s+)?margin\s*\(\s*$/i); // "by a wide margin (6.3% mAP on A, ...)"

/** "falls from 41% to", "raises recall from 0.81 to": the level a change reached follows. */
export const FROM_TO = endAnchored(/\bfrom\s+\S+\s+to\s+$/i);

/** "at 30% of the memory", "at 95% recall": a figure right after "at". */
export const AT = endAnchored(/\bat\s+$/i);

/** A share follows: "N% of ...". */
export const OF_WHOLE = /^\s*of\b/;

/** Words that introduce the value of a metric named before: "an F1 of 91.2", "scores 88.4", "reaches 70.5". */
export const VALUE_LEAD =
  endAnchored(/\b(?:of|is|was|are|at|=|:|reach(?:es|ed)?|achieves?|achieved|attains?|obtains?|scores?|scored|gets?|to)\s+(?:an?\s+)?(?:\w+\s+)?$/i);

/** Verbs of making something faster: "accelerates", "speeds up", "sped up" (a regex source, for patterns that build on it). */
export const SPEEDS_UP = String.raw`accelerat(?:es|ed|ing|e)|speeds?\s+up|sped\s+up`;

/** Verbs of beating a system, at the start of a word: "outperforms", "surpassing", "beat", "exceeded". */
export const BEATS = /^(?:outperform|surpass|beat|exceed)/i;

/** A figure set after a comma that comments on the previous one: "40 tok/s, 2.5x higher than X". */
export const APPOSITION = endAnchored(/,\s*(?:which is\s+|i\.e\.,?\s+|being\s+|or\s+)?(?:an?\s+)?$/i);

/** "an error rate of 4.2%, a relative reduction of 15%": a change noun in apposition to the value before it. */
export const CHANGE_IN_APPOSITION = endAnchored(/,\s*(?:which is\s+|i\.e\.,?\s+)?(?:an?\s+)?(?:(?:relative|absolute)\s+)?(?:reduction|decrease|drop|improvement|gain|increase)\s+of\s+$/i);

/** "only 10% of", "just 4% of": a small share of a resource. */
/**
 * A thing said to be only a share of another: "the cache is just 20% of the original", "the model is only 40% of
 * the size of X". The word of smallness is needed: "latency is 60% of the total time" is a breakdown, not a saving.
 */
export const IS_ONLY_SHARE = endAnchored(/\b(?:is|are|was|were|becomes?|being)\s+(?:about\s+|roughly\s+|around\s+)?(?:only|just|merely|a mere)\s+(?:(?:about|roughly|around|approximately|nearly)\s+)?$/i);

export const ONLY = endAnchored(/\b(?:only|just|merely|mere)\s+(?:[a-z]+\s+){0,2}$/i);

/** "a speedup of 1.4", "a speedup ratio of 5.6", "a size reduction of 0.6": a bare number after a change noun. */
export const CHANGE_NOUN_OF =
  /\b(speed-?ups?|accelerations?|improvements?|reductions?|savings?|compression|gains?)(?:\s+(?:ratios?|factors?))?\s+(?:of|by|is|was|reaches|=)\s+(?:\w+\s+){0,2}$/i;

/** "achieves 61.5% on a benchmark": a verb of scoring, then a named benchmark. */
export const SCORES_ON = {
  lead: endAnchored(/\b(?:achieves?|achieving|achieved|reach(?:es|ing|ed)?|attains?|obtains?|scores?|scoring|scored|gets?)\s+(?:an?\s+)?$/i),
  after: /^\s+on\s+(?:the\s+)?[A-Z][\w-]*\b/,
};

/** "outperforms X by 2.7%", "by a large margin of 4 points". */
export const BY_MARGIN = endAnchored(/\bby\s+(?:(?:a|an)\s+(?:\w+\s+)?margin\s+(?:of\s+|\(\s*))?$/i);

/** "within 0.8% of": a bounded loss against a reference. */
export const WITHIN = endAnchored(/\bwithin\s+(?:the\s+|a\s+)?$/i); // "within 0.5% of", "falls within the 3% range of"

/** "solves 71% of the tasks", "passes 64% of the tests", "wins 58% of comparisons", "flags 93% of attacks": a success rate. */
export const SOLVES_SHARE =
  endAnchored(/\b(?:solv|resolv|complet|pass|answer|clos|prov|fix|detect|flag|catch|identif(?:y|ie)|recogniz|classif(?:y|ie)|win|won|succeed|eliminat|block|thwart|defeat|mitigat)(?:es|ed|ing|e|s)?\s+(?:correctly\s+)?$/i);

/** "recovers 95% of the particles", "retrieves 80% of relevant passages": a success share, unless what is recovered is a quality ("recovers 97% of the accuracy"). */
export const FINDS_SHARE = endAnchored(/\b(?:recover|retriev|find|locat|captur)(?:s|es|ed|ing|e)?\s+$/i);

/** "raters prefer its outputs 64% of the time", "judge it more engaging in 64% of pairwise comparisons": a preference rate. */
export const PREFERRED_SHARE = {
  // not endAnchored: read back from the end, its run of up to 50 characters was tried at each length
  lead: /\b(?:prefer(?:s|red|ring)?|judge[sd]?|rate[sd]?|favou?r(?:s|ed)?)\b[^,;:.]{0,50}$/i,
  after: /^\s*of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?(?:time|cases|comparisons|pairs|matchups|battles)\b/i,
};

/** "takes under 5% of the epoch", "accounts for 12% of the runtime", "the cache serves 31% of requests": a share of a whole, not a change. */
export const TAKES_SHARE =
  endAnchored(/\b(?:takes?|took|taking|spends?|spent|accounts?\s+for|accounting\s+for|makes?\s+up|represents?|serves|served|handles|handled|covers|offloads|absorbs)\s+$/i);

/** "a model twice its size", "a DS-CNN with 10 times as many parameters": the figure sizes a larger reference. */
export const LARGER_REFERENCE = {
  after: /^\s*(?:(?:its|their|the)\s+(?:own\s+)?size\b|as\s+(?:many|much|large)\b)/i,
  lead: endAnchored(/\b(?:an?|the|than|to|with|models?|networks?|baselines?|teachers?)\s+$/i),
};

/** "66.1% versus 62.9%": a figure set against another figure is a level, not a change. */
export const VERSUS_FIGURE = /^\s*(?:\(|,)?\s*(?:versus|vs\.?|compared\s+(?:to|with)|against)\s+(?:the\s+)?[~$]?\d/i;

/** A verb of success before "in N% of": "prevents falls in 92% of trials", "succeeds in 80% of episodes". */
export const SUCCEEDS_IN = endAnchored(/\b(?:succeed|prevent|solv|complet|avoid|recover|grasp|pass|win|won|correct|reach|navigat)\w*\b[^,;:]{0,40}\s(?:in|on)\s+$/i);

/** "compared with 0.71 for a detector trained on": the setup named is the baseline's. */
export const BASELINE_TRAINED_ON = endAnchored(/\b(?:compared (?:to|with)|than|versus|vs\.?|relative to|as \w+ as|match(?:es|ing)?|rival(?:s|ing)?|outperform(?:s|ing)?)\s+[^,;]*\b(?:trained|pretrained|fine-?tuned)\s+(?:\w+\s+)?(?:on|with)\s+$/i);

/** What a success rate counts: "in 92% of 150 trials". */
export const OF_TRIALS =
  /^\s*of\s+(?:the\s+|all\s+)?(?:\d[\d,]*\s+)?(?:[\w-]+\s+)?(?:trials|episodes|attempts|cases|runs|games|scenes|trajectories|rollouts)\b/i;

/**
 * Words of code and of what runs it: "kernels", "the accelerator", "our compiler", "GPU". In a sentence about
 * them, "performance" is how fast the code runs ("2.3x higher performance than TVM").
 */
export const RUNS_CODE =
  /\b(?:kernels?|accelerators?|compilers?|librar(?:y|ies)|[CGTN]PUs?|FPGAs?|ASICs?|hardware|chips?|processors?|CUDA|programs?|operators?|instructions?|cores?)\b/i;
