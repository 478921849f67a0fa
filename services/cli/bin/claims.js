#!/usr/bin/env node
// The `claims` command. Checked in (not built) so that `npm ci` can link it
// before the first build; it runs the compiled CLI.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('claims: the CLI is not built yet; run `npm run build` in the repository first\n');
  process.exit(1);
}
await import(main.href);
