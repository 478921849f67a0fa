export * from './sql.js';
export { PgSql } from './pg-sql.js';
export { PgliteSql } from './pglite-sql.js';
export { lockDataDir } from './data-dir-lock.js';
export { migrate } from './migrate.js';
export * from './store.js';
export * from './rows.js';
export type { PaperWithClaims } from './write-papers.js';
export * from './open.js';
