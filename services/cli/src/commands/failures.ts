import { parseArgs } from 'node:util';
import type { Job } from 'bullmq';
import { failedReasonText, STAGES, type Stage } from '@claimflow/queues';
import { UsageError } from '@claimflow/service-kit';
import { cliContext, prefixOverride } from '../cli-context.js';

export const usage = 'claims failures [--stage S] [--prefix P] [--json]   failed jobs with their reason and the records they carried';
export const options = [
  `  --stage S    only this stage (${STAGES.join(', ')})`,
  '  --prefix P   the queue prefix to look in (default: QUEUE_PREFIX; `claims run` prints its own)',
  '  --json       the rows as JSON',
].join('\n');

export interface FailureRow {
  stage: Stage;
  jobId: string;
  attempts: number;
  reason: string;
  batch: string | null;
  /** Where the job's records came from: file and line range. */
  records: string;
  failedAt: string | null;
}

/** Where a chunk's records came from, whatever the stage's payload shape. */
function recordsOf(job: Job): string {
  const d = job.data ?? {};
  const lines: number[] = [];
  let file: string | undefined = d.file;
  for (const r of d.records ?? []) lines.push(r.line);
  for (const p of d.papers ?? []) {
    const source = (p.paper ?? p).source;
    if (source) {
      file ??= source.file;
      lines.push(source.line);
    }
  }
  if (!lines.length) return file ?? '-';
  return `${file ?? '?'}:${Math.min(...lines)}-${Math.max(...lines)} (${lines.length} records)`;
}

export function parseStage(value: string | undefined): Stage[] {
  if (value == null) return [...STAGES];
  if (!(STAGES as readonly string[]).includes(value)) throw new UsageError(`--stage: expected one of ${STAGES.join(', ')}, got "${value}"`);
  return [value as Stage];
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { stage: { type: 'string' }, prefix: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const stages = parseStage(values.stage);
  const ctx = await cliContext('failures', prefixOverride(values.prefix));
  try {
    const rows: FailureRow[] = [];
    for (const stage of stages) {
      for (const job of await ctx.queues.byStage[stage].getFailed(0, 999)) {
        rows.push({
          stage,
          jobId: String(job.id),
          attempts: job.attemptsMade,
          reason: failedReasonText(job.failedReason),
          batch: job.data?.batch?.id ?? null,
          records: recordsOf(job),
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        });
      }
    }
    if (values.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else if (!rows.length) process.stdout.write(`no failed jobs (prefix ${ctx.config.QUEUE_PREFIX})\n`);
    else {
      for (const r of rows) {
        process.stdout.write(`${r.stage}  ${r.jobId}  after ${r.attempts} attempt(s)  batch ${r.batch ?? '-'}  ${r.records}\n    ${r.reason}\n`);
      }
      process.stdout.write(`${rows.length} failed job(s); re-run them with: claims retry${values.stage ? ` --stage ${values.stage}` : ''}\n`);
    }
    return 0;
  } finally {
    await ctx.close();
  }
}
