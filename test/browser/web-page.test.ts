import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, WEB_INDEX } from '../api/helpers/app.js';
import { PAPERS, seed } from '../api/helpers/fixtures.js';
import { openTestStore, type TestStore } from '../api/helpers/stores.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Every run saves its screenshots under test-results/; UPDATE_SCREENSHOTS=1
 * writes them to docs/screenshots/ instead, the ones the README shows.
 */
const SCREENSHOTS = fileURLToPath(new URL(process.env.UPDATE_SCREENSHOTS ? '../../docs/screenshots/' : '../../test-results/screenshots/', import.meta.url));

/**
 * The web page in a real browser against the real API over the embedded
 * store: load, filter, search, open a paper, see the plots and a running
 * batch's progress. Needs `npm run build` first (the page is the Vite build).
 */
describe('the web page', () => {
  let db: TestStore;
  let app: FastifyInstance;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} missing: build first (npx turbo run build --filter=@claimflow/api...)`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install -y chromium`);
    db = await openTestStore('pglite');
    await seed(db.store);
    // A batch still running: the page shows its progress.
    await db.store.writeChunk({
      batch: { id: 'running-batch', name: 'nightly crawl', createdAt: new Date().toISOString() },
      extractorVersion: 'test',
      papers: [],
      rejections: [{ file: 'crawl.jsonl', line: 1, field: 'title', reason: 'missing' }],
      total: 4,
    });
    app = await testApp({ store: db.store });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    profile = await mkdtemp(join(tmpdir(), 'claimflow-chromium-'));
    // A fresh profile each run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 1000 },
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
      ],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    // Any request off this server would mean the page is not self-contained.
    page.on('request', (req) => {
      if (!req.url().startsWith(base) && !req.url().startsWith('data:')) throw new Error(`request off the server: ${req.url()}`);
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const rows = () => page.locator('#claims-table tbody tr');

  it('loads the claims, the plots and a running batch', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await rows().first().waitFor();
    expect(await rows().count()).toBeGreaterThanOrEqual(11);
    // The number is highlighted in its evidence sentence.
    await expect.poll(() => page.locator('#claims-table mark').first().textContent()).toBeTruthy();
    const marks = await page.locator('#claims-table .evidence mark').allTextContents();
    expect(marks).toEqual(expect.arrayContaining(['3.2x', '25x', '5 and 12 times', '40%']));
    // Plots drew on their canvases.
    for (const id of ['plot-factors', 'plot-quality', 'plot-batches']) {
      await page.locator(`#${id} canvas`).waitFor();
      const drawn = await page.locator(`#${id} canvas`).evaluate((c: HTMLCanvasElement) => c.width > 0 && c.toDataURL().length > 2000);
      expect(drawn, id).toBe(true);
    }
    await page.locator('#batches .batch.running').waitFor();
    expect(await page.locator('#batches').textContent()).toContain('nightly crawl');
    expect(await page.locator('#batches').textContent()).toContain('1 / 4 records');
    await page.screenshot({ path: join(SCREENSHOTS, 'claims.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('filters by kind and value range, and searches', async () => {
    await page.selectOption('#f-kind', 'speedup');
    await page.fill('#f-min', '1.6');
    await page.click('#filters button[type=submit]');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('kind=speedup');
    await expect.poll(async () => (await page.locator('#claims-table tbody tr td.value').allTextContents()).join(' ')).not.toContain('1.5');
    const values = await page.locator('#claims-table tbody tr td.value').allTextContents();
    expect(values.length).toBeGreaterThan(0);
    const kinds = await page.locator('#claims-table tbody .pill').allTextContents();
    expect(new Set(kinds)).toEqual(new Set(['speedup']));
    expect(values).toEqual(expect.arrayContaining(['3.2×', '1.667×']));

    await page.selectOption('#f-kind', '');
    await page.fill('#f-min', '');
    await page.fill('#f-q', 'word error rate');
    await page.click('#filters button[type=submit]');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('1.1 points');
    await page.screenshot({ path: join(SCREENSHOTS, 'search.png'), fullPage: true });
  });

  it('opens a paper with every claim marked in its abstract', async () => {
    await page.click('#claims-table a.paper-link');
    await page.locator('#paper-view').waitFor();
    expect(await page.locator('#paper-view h1').textContent()).toBe(PAPERS.P2.title);
    const marked = await page.locator('#paper-view .abstract mark').allTextContents();
    expect(marked).toEqual(['5 and 12 times', '140 frames per second', '1.1 points']);
    // The abstract reads as it was given, marks and all.
    expect(await page.locator('#paper-view .abstract').textContent()).toBe(PAPERS.P2.abstract);
    await page.screenshot({ path: join(SCREENSHOTS, 'paper.png'), fullPage: true });
  });

  it('marks claims after an astral character at the right place', async () => {
    await page.goto(`${base}/#/paper/fx-004`);
    await page.locator('#paper-view .abstract mark').first().waitFor();
    expect(await page.locator('#paper-view .abstract mark').allTextContents()).toEqual(['40%', '25x']);
  });

  it('shows an API error as a message, not a blank page', async () => {
    await page.goto(`${base}/#/paper/no-such-paper`);
    await page.locator('.error').waitFor();
    expect(await page.locator('.error').textContent()).toContain('no-such-paper');
  });
});
