import type { Sql } from './sql.js';

export interface InboxFile {
  sha256: string;
  name: string;
  batchId: string;
  status: 'sending' | 'sent';
}

/** The inbox's memory of files it has taken, keyed by content hash. */
export class InboxFiles {
  constructor(private readonly sql: Sql) {}

  async get(sha256: string): Promise<InboxFile | null> {
    const rows = await this.sql.query<{ sha256: string; name: string; batch_id: string; status: InboxFile['status'] }>(
      'SELECT sha256, name, batch_id, status FROM inbox_files WHERE sha256 = $1',
      [sha256],
    );
    return rows.length ? { sha256: rows[0].sha256, name: rows[0].name, batchId: rows[0].batch_id, status: rows[0].status } : null;
  }

  /** Records a file before its records are sent, so a restart resumes the same batch. */
  async begin(file: Omit<InboxFile, 'status'>): Promise<void> {
    await this.sql.query(
      "INSERT INTO inbox_files (sha256, name, batch_id, status) VALUES ($1, $2, $3, 'sending') ON CONFLICT (sha256) DO NOTHING",
      [file.sha256, file.name, file.batchId],
    );
  }

  async finish(sha256: string): Promise<void> {
    await this.sql.query("UPDATE inbox_files SET status = 'sent' WHERE sha256 = $1", [sha256]);
  }
}
