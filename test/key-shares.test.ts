import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script, without types
import { keyShareTable } from '../scripts/key-shares.mjs';
import { ROOT } from './support/cli.js';
import { HAS_SHARED, SHARED_DIR, SKIP_NO_SHARED } from './support/shared-data.js';

describe.skipIf(!HAS_SHARED)(`the key shares docs/store.md reports${SKIP_NO_SHARED}`, () => {
  it('are those of the dev pools as the extractor and key tables read them now', () => {
    const doc = readFileSync(`${ROOT}docs/store.md`, 'utf8');
    const quoted = /<!-- key-shares -->\n([\s\S]*?)\n<!-- \/key-shares -->/.exec(doc)?.[1];
    expect(quoted).toBeDefined();
    expect(quoted).toBe(keyShareTable(readFileSync(`${SHARED_DIR}dev/dev-abstracts.jsonl`, 'utf8')));
  });
});
