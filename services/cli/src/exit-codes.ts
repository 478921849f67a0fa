/**
 * What `claims` exits with, the same for every command (README, "The
 * command line"): a script can tell a clean run from one that left records
 * behind without reading the output.
 */
export const EXIT = {
  /** Everything asked for was done: every record stored. */
  ok: 0,
  /** A failure: a store or Redis not answering, a failed job, nothing valid to store. */
  failure: 1,
  /** A command line that cannot run: the usage is printed. */
  usage: 2,
  /** The run finished, but some records were rejected (each named by file, line, field, reason). */
  someRejected: 3,
} as const;

/** The one line saying why a finished run exits 3, or null when nothing was rejected. */
export function rejectedLine(command: string, rejected: number, records: number, batchIds: string[]): string | null {
  if (!rejected) return null;
  const where = batchIds.length === 1 ? `claims rejections ${batchIds[0]}` : 'claims rejections BATCH';
  return `claims ${command}: ${rejected} of ${records} record(s) rejected, the rest stored (exit ${EXIT.someRejected}); ${where} lists each with its file, line and reason`;
}
