/**
 * Makes a new embedded data folder from the build's template, in a process
 * of its own (`node init-data-dir.js PATH`): unpacking it grows the WASM heap
 * of the PGlite that does it, and that memory is only given back when the
 * process ends, so the long-running process that then opens the folder never
 * carries it.
 */
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_CONF, pgliteTemplate } from './pglite-template.js';

const [path] = process.argv.slice(2);
const template = pgliteTemplate();
const db = await PGlite.create(path, { postgresqlconf: PGLITE_CONF, ...(template && { loadDataDir: template }) });
await db.close();
