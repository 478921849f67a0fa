/**
 * Build step (`npm run build` in shared/store): runs initdb once in an
 * in-memory PGlite and writes its data folder, compressed, beside the
 * compiled code, where `PgliteSql.open` finds it for a new DATA_DIR.
 */
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { TEMPLATE_FILE } from './pglite-template.js';

const db = await PGlite.create();
const dump = await db.dumpDataDir('gzip');
writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
await db.close();
