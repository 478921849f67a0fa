import { correctedGold, parseOrUsage, usageError, UsageError } from '@claimflow/analyst';
import { CorrectionInput, type Correction } from '@claimflow/schemas';
import { InputError } from '@claimflow/service-kit';
import { CorrectionError } from '@claimflow/store';
import { reportFailure, type CliDeps } from './cli-deps.js';

export const usage =
  'claims correct wrong CLAIM_ID | set CLAIM_ID [--kind K] [--value V | --low L --high H] [--unit U] [--qualifier Q] [--metric M] [--baseline B] [--setting S] | add PAPER_ID --text T [--occurrence N] --kind K (--value V | --low L --high H) --unit U [...] | undo ID   --why W [--who NAME]   correct a claim (kept apart, applied everywhere, undoable)';
export const options = [
  '  wrong CLAIM_ID       the claim is not a claim (or not this one): it is left out everywhere',
  '  set CLAIM_ID         correct its kind, value or range, unit, qualifier, metric, baseline or setting',
  '  add PAPER_ID         a claim the extractor missed: --text is the number as written in the abstract, --occurrence which one (1)',
  '  undo ID              the claim is as the extractor stored it again (ID from claims corrections)',
  '  --why W              why (required, except for undo)',
  '  --who NAME           who corrects (default: $USER)',
].join('\n');

export const listUsage = 'claims corrections [--all] [--paper ID] [--format table|jsonl|gold]   the corrections made (gold: every corrected paper\'s claims, in the contract\'s gold format)';
export const listOptions = [
  '  --all         undone corrections too',
  '  --paper ID    one paper\'s',
  '  --format F    table (default), jsonl (one correction a line) or gold (gold lines of every corrected paper)',
].join('\n');

const FIELDS = ['kind', 'value', 'low', 'high', 'unit', 'qualifier', 'metric', 'baseline', 'setting'] as const;
const NUMBERS = new Set(['value', 'low', 'high']);

/** The claim fields given on the command line, numbers as numbers (the schema says what is wrong with them). */
function fieldsOf(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const v = values[f];
    if (typeof v !== 'string') continue;
    out[f] = NUMBERS.has(f) ? (v.trim() === '' || Number.isNaN(Number(v)) ? v : Number(v)) : v;
  }
  return out;
}

/** The input's target keys, as the command line names them. */
const TARGET_FLAGS: Record<string, string> = { claimId: 'claim', paperId: 'paper' };

const describe = (c: Correction) => `correction ${c.id}: ${c.action} ${c.claimId} (paper ${c.paperId}) by ${c.who}: ${c.why}`;

/** `claims correct`, on the store `ctx` gives (tests pass their own). */
export async function runWith(argv: string[], ctx: CliDeps): Promise<number> {
  try {
    const { values, positionals } = parseOrUsage({
      args: argv,
      allowPositionals: true,
      options: {
        kind: { type: 'string' }, value: { type: 'string' }, low: { type: 'string' }, high: { type: 'string' }, unit: { type: 'string' }, qualifier: { type: 'string' },
        metric: { type: 'string' }, baseline: { type: 'string' }, setting: { type: 'string' },
        text: { type: 'string' }, occurrence: { type: 'string' }, why: { type: 'string' }, who: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      ctx.out.write(`usage: ${usage}\n${options}\n`);
      return 0;
    }
    const [action, target, ...rest] = positionals;
    if (!action || !target || rest.length) throw new UsageError('give an action (wrong, set, add or undo) and one CLAIM_ID, PAPER_ID or correction ID');
    const who = values.who ?? process.env.USER ?? process.env.LOGNAME;
    if (!who) throw new UsageError('--who: say who corrects ($USER is not set)');
    const store = await ctx.store();
    if (action === 'undo') {
      if (!/^\d+$/.test(target)) throw new UsageError(`undo takes a correction's number (claims corrections lists them), not "${target}"`);
      const c = await store.undoCorrection(Number(target), who);
      ctx.out.write(`undone: ${describe(c)}\n`);
      return 0;
    }
    const input =
      action === 'wrong' ? { action, claimId: target, who, why: values.why }
      : action === 'set' ? { action: 'correct', claimId: target, changes: fieldsOf(values), who, why: values.why }
      : action === 'add' ? { action, paperId: target, text: values.text, occurrence: values.occurrence ? Number(values.occurrence) : undefined, claim: fieldsOf(values), who, why: values.why }
      : null;
    if (!input) throw new UsageError(`unknown action "${action}": wrong, set, add or undo`);
    const checked = CorrectionInput.safeParse(input);
    // a refused field is named by its own flag: the last key of its path (`changes.value` is --value), the target's by the action's word
    if (!checked.success) throw usageError(checked.error, (path) => TARGET_FLAGS[String(path.at(-1))] ?? path.at(-1));
    const c = await store.correct(checked.data);
    ctx.out.write(`${describe(c)}\n`);
    return 0;
  } catch (err) {
    return reportFailure('correct', usage, err instanceof CorrectionError ? new InputError(err.message) : err, ctx);
  }
}

/** `claims corrections`. */
export async function listWith(argv: string[], ctx: CliDeps): Promise<number> {
  try {
    const { values } = parseOrUsage({ args: argv, options: { all: { type: 'boolean' }, paper: { type: 'string' }, format: { type: 'string', default: 'table' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      ctx.out.write(`usage: ${listUsage}\n${listOptions}\n`);
      return 0;
    }
    if (!['table', 'jsonl', 'gold'].includes(values.format!)) throw new UsageError(`--format: expected table, jsonl or gold, got "${values.format}"`);
    const store = await ctx.store();
    if (values.format === 'gold') {
      ctx.out.write((await correctedGold(store.sql)).filter((g) => !values.paper || g.paperId === values.paper).map((g) => `${JSON.stringify(g)}\n`).join(''));
      return 0;
    }
    const list = await store.corrections({ includeUndone: values.all, paper: values.paper });
    if (values.format === 'jsonl') ctx.out.write(list.map((c) => `${JSON.stringify(c)}\n`).join(''));
    else if (!list.length) ctx.out.write('no correction\n');
    else for (const c of list) ctx.out.write(`${describe(c)}${c.stale ? ' [stale: the extractor\'s claim changed]' : ''}${c.undoneAt ? ` [undone by ${c.undoneBy}]` : ''}\n`);
    return 0;
  } catch (err) {
    return reportFailure('corrections', listUsage, err, ctx);
  }
}
