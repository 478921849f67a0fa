import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { StoreUnavailableError, type Param, type Sql } from './sql.js';

/**
 * The embedded store serves one process (PGlite has one connection, and a
 * lock file keeps a second process out), so the process that holds it —
 * `claims api`, `claims run` — answers other processes' read-only queries on
 * a Unix socket in the data folder: `claims query`, `export`, `leaderboard`,
 * `history` and `rejections` work while it runs. The socket is the folder
 * owner's alone (mode 0600), as the store's files are; every query runs in
 * a READ ONLY transaction, so it can read what the files hold and no more.
 */
export const STORE_SOCKET = 'claimflow.sock';

type Request = { id: number; text: string; params: Param[] };
type Response = { id: number; rows?: unknown[]; error?: { message: string; code?: string } };

/** Dates cross the socket as { $date: ISO } and come back as Dates, as pg and PGlite give them. */
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    return this[key] instanceof Date ? { $date: (this[key] as Date).toISOString() } : v;
  });
}
const decode = (line: string) => JSON.parse(line, (_k, v) => (v && typeof v === 'object' && typeof v.$date === 'string' && Object.keys(v).length === 1 ? new Date(v.$date) : v));

/** Serves read-only queries on `dir`/claimflow.sock; resolves with a function that stops serving. Null where a socket cannot be made there. */
export async function serveReads(sql: Sql, dir: string): Promise<(() => Promise<void>) | null> {
  const path = join(dir, STORE_SOCKET);
  rmSync(path, { force: true }); // left by a process that died; the lock file says this process holds the folder now
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    createInterface({ input: socket, crlfDelay: Infinity }).on('line', (line) => {
      let request: Request;
      try {
        request = decode(line) as Request;
      } catch {
        return socket.destroy();
      }
      void sql
        .transaction(async (tx) => {
          await tx.query('SET TRANSACTION READ ONLY');
          return tx.query(request.text, request.params);
        })
        .then(
          (rows): Response => ({ id: request.id, rows }),
          (err: NodeJS.ErrnoException): Response => ({ id: request.id, error: { message: err.message, code: err.code } }),
        )
        .then((response) => socket.writable && socket.write(encode(response) + '\n'));
    });
  });
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(path, resolve));
    chmodSync(path, 0o600);
  } catch {
    server.close();
    return null; // a path too long for a socket, or a folder that takes none: the store still serves its own process
  }
  return async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
    rmSync(path, { force: true });
  };
}

/** A read-only Sql over the socket of the process that holds the embedded store. */
export class SocketSql implements Sql {
  readonly kind = 'pglite' as const;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (err: Error) => void }>();

  private constructor(private readonly socket: Socket) {
    createInterface({ input: socket, crlfDelay: Infinity }).on('line', (line) => {
      const response = decode(line) as Response;
      const waiting = this.pending.get(response.id);
      this.pending.delete(response.id);
      if (!waiting) return;
      if (response.error) waiting.reject(Object.assign(new Error(response.error.message), { code: response.error.code }));
      else waiting.resolve(response.rows ?? []);
    });
    socket.on('close', () => {
      for (const w of this.pending.values()) w.reject(new StoreUnavailableError('the process holding the embedded store stopped answering'));
      this.pending.clear();
    });
  }

  /** Connects to the store held by another process in `dir`; rejects when none serves there. */
  static connect(dir: string): Promise<SocketSql> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(join(dir, STORE_SOCKET));
      socket.once('connect', () => {
        socket.removeListener('error', reject);
        socket.on('error', () => socket.destroy());
        resolve(new SocketSql(socket));
      });
      socket.once('error', reject);
    });
  }

  query<T>(text: string, params: Param[] = []): Promise<T[]> {
    const id = this.nextId++;
    return new Promise<T[]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
      this.socket.write(encode({ id, text, params }) + '\n');
    });
  }

  async copyIn(): Promise<void> {
    throw new StoreUnavailableError('the embedded store is held by another process, which serves reads only: stop it to write');
  }

  /** Reads only: each query is its own read-only transaction on the holder's side. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return fn(this);
  }

  async close(): Promise<void> {
    this.socket.end();
  }
}
