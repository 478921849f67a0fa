import { createHash } from 'node:crypto';
import { accessSync, constants, createReadStream, existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { newBatch, produceBatch } from '@claimflow/queues';
import { checkRecord, formatOf, isBatchFile, readRecords } from '@claimflow/readers';
import { formatRejection, type BatchRef, type RawRecord } from '@claimflow/schemas';
import { InputError, type ServiceContext, type Running } from '@claimflow/service-kit';

const POLL_MS = 1000;
/** A file must be unchanged this long before it is taken: it may still be being copied in. */
const SETTLE_MS = 500;
const REPORT_REJECTIONS = 1000;

export interface InboxReport {
  file: string;
  sha256: string;
  batchId: string | null;
  outcome: 'ingested' | 'duplicate' | 'rejected';
  records: number;
  accepted: number;
  rejected: number;
  rejections: string[];
  error?: string;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

/** Moves a file into done/ or rejected/ and writes its report beside it. */
function settle(dir: string, file: string, outcome: 'done' | 'rejected', report: InboxReport): string {
  const target = join(dir, outcome);
  mkdirSync(target, { recursive: true });
  let name = basename(file);
  if (existsSync(join(target, name))) name = `${basename(name, extname(name))}.${report.sha256.slice(0, 8)}${extname(name)}`;
  renameSync(file, join(target, name));
  writeFileSync(join(target, `${name}.report.json`), JSON.stringify(report, null, 2) + '\n');
  return join(target, name);
}

/**
 * The inbox, done/ and rejected/ must be writable by this process: files are
 * moved out of the inbox and reports written beside them. A host folder
 * mounted into a container often belongs to another user; that is said at
 * start-up in one line, not found out file by file.
 */
export function checkInboxWritable(dir: string): void {
  const uid = process.getuid?.() ?? '?';
  for (const path of [dir, join(dir, 'done'), join(dir, 'rejected')]) {
    try {
      mkdirSync(path, { recursive: true });
      accessSync(path, constants.W_OK | constants.X_OK);
      // access() answers for root whatever the mode; a real write is the only sure test.
      const probe = join(path, `.write-test-${process.pid}`);
      writeFileSync(probe, '');
      renameSync(probe, `${probe}.done`);
      unlinkSync(`${probe}.done`);
    } catch (err) {
      const owner = existsSync(path) ? ` (owned by uid ${statSync(path).uid})` : '';
      throw new InputError(
        `inbox folder ${path}${owner} is not writable by this process (uid ${uid}): ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. ` +
          'Make it writable (chown or chmod on the host), or run the ingest worker as its owner (compose: INBOX_USER=$(id -u):$(id -g)).',
      );
    }
  }
}

/**
 * Watches INBOX_DIR and ingests each new batch file (.jsonl, .csv, .txt) once,
 * remembered by content hash in the store. A file is moved to done/ (or
 * rejected/, when it holds no valid record) with a JSON report beside it naming every
 * rejected record by file:line.
 */
export async function startInbox(ctx: ServiceContext, dir: string): Promise<Running> {
  const store = await ctx.store();
  checkInboxWritable(dir);
  const log = ctx.log.child({ inbox: dir });
  let stopped = false;
  let busy: Promise<void> = Promise.resolve();

  async function take(path: string): Promise<void> {
    const sha256 = await sha256Of(path);
    const seen = await store.inbox.get(sha256);
    const report: InboxReport = { file: basename(path), sha256, batchId: seen?.batchId ?? null, outcome: 'ingested', records: 0, accepted: 0, rejected: 0, rejections: [] };
    if (seen?.status === 'sent') {
      log.info({ file: report.file, batch: seen.batchId }, 'already ingested; moved to done/');
      settle(dir, path, 'done', { ...report, outcome: 'duplicate' });
      return;
    }
    const format = formatOf(path);
    // A restart part-way through a file resumes its batch: same id, same deterministic job ids.
    const batch: BatchRef = seen ? { id: seen.batchId, name: report.file, createdAt: new Date().toISOString() } : newBatch(report.file);
    report.batchId = batch.id;
    if (!seen) await store.inbox.begin({ sha256, name: report.file, batchId: batch.id });
    async function* checked(): AsyncGenerator<RawRecord> {
      for await (const raw of readRecords(path, format)) {
        report.records++;
        const result = checkRecord(raw, report.file);
        if ('paper' in result) report.accepted++;
        else {
          report.rejected++;
          if (report.rejections.length < REPORT_REJECTIONS) report.rejections.push(formatRejection(result.rejection));
        }
        yield raw;
      }
    }
    await produceBatch(ctx.queues, batch, [{ file: report.file, records: checked() }], {
      chunkSize: ctx.config.CHUNK_SIZE, chunkBytes: ctx.config.CHUNK_BYTES,
      maxQueueDepth: ctx.config.MAX_QUEUE_DEPTH,
    });
    if (!report.records) report.batchId = null; // an empty file leaves no batch
    await store.inbox.finish(sha256);
    const outcome = report.accepted ? 'done' : 'rejected';
    if (!report.accepted) report.outcome = 'rejected';
    const moved = settle(dir, path, outcome, report);
    log.info({ file: report.file, batch: batch.id, records: report.records, rejected: report.rejected, moved }, 'inbox file ingested');
  }

  const sizes = new Map<string, string>();
  async function poll(): Promise<void> {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (stopped) return;
      if (!entry.isFile() || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (!isBatchFile(path)) continue; // notes and partial downloads are left alone
      const st = statSync(path);
      const signature = `${st.size}:${st.mtimeMs}`;
      // Taken only once its size and mtime held still across a poll and it has settled.
      if (sizes.get(path) !== signature || Date.now() - st.mtimeMs < SETTLE_MS) {
        sizes.set(path, signature);
        continue;
      }
      sizes.delete(path);
      try {
        await take(path);
      } catch (err) {
        log.error({ file: entry.name, err: (err as Error).message }, 'inbox file failed; will retry');
      }
    }
  }

  const timer = setInterval(() => {
    busy = busy.then(poll).catch((err) => log.error({ err: (err as Error).message }, 'inbox poll failed'));
  }, POLL_MS);
  log.info('watching inbox');
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await busy;
    },
  };
}
