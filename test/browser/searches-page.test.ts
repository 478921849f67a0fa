import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, WEB_INDEX } from '../api/helpers/app.js';
import { seed } from '../api/helpers/fixtures.js';
import { openTestStore, type TestStore } from '../api/helpers/stores.js';
import { launchChromium, SCREENSHOTS, type Browser } from './chromium.js';

const TOKEN = 'page-token-long-enough';

/** The saved searches on the page: follow the current filter, save it with the API token, see its feed, delete it. */
describe('saved searches on the web page', () => {
  let db: TestStore;
  let app: FastifyInstance;
  let chromium: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} missing: build first`);
    db = await openTestStore('pglite');
    await seed(db.store);
    app = await testApp({ store: db.store, config: { API_TOKEN: TOKEN } });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    chromium = await launchChromium();
    page = chromium.page;
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.close();
    await db?.close();
  });

  it('follows the current filter, saves it under a name with the token, links its feed, and deletes it', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/#/?kind=speedup&min=2`);
    await page.locator('#follow').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/searches?kind=speedup&min=2');
    await page.locator('text=No saved search yet.').waitFor();

    await page.fill('input[name=name]', 'fast');
    await page.fill('input[name=token]', 'wrong-token');
    await page.click('button[type=submit]');
    await page.locator('.searches .error').waitFor();
    expect(await page.locator('.searches .error').textContent()).toContain('Authorization: Bearer');

    await page.fill('input[name=token]', TOKEN);
    await page.fill('input[name=name]', 'fast');
    await page.click('button[type=submit]');
    const item = page.locator('li.saved-search');
    await item.waitFor();
    expect(await item.textContent()).toContain('fast');
    expect(await item.locator('a[type="application/atom+xml"]').getAttribute('href')).toBe('./feeds/fast.atom');
    const saved = await (await fetch(`${base}/api/searches/fast`)).json();
    expect(saved.filter).toEqual({ kind: ['speedup'], min: 2 });
    await page.screenshot({ path: join(SCREENSHOTS, 'searches.png'), fullPage: true });
    const feed = await fetch(`${base}/feeds/fast.atom`);
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');

    await item.locator('button', { hasText: 'Delete' }).click();
    await page.locator('text=No saved search yet.').waitFor();
    expect(errors).toEqual([]);
  });
});
