import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, WEB_INDEX } from '../api/helpers/app.js';
import { seedAnalystPapers, seedBulkPapers } from '../api/helpers/analyst-fixtures.js';
import { seedBoardPapers } from '../api/helpers/board-fixtures.js';
import { PAPERS, seed } from '../api/helpers/fixtures.js';
import { openTestStore, type TestStore } from '../api/helpers/stores.js';
import { launchChromium, SCREENSHOTS, type Browser } from './chromium.js';

/** The API's write token here: corrections from the page need it. */
const WRITE_TOKEN = 'page-write-token';

/**
 * The web page in a real browser against the real API over the embedded
 * store: load, filter, search, open a paper, see the plots and a running
 * batch's progress. Needs `npm run build` first (the page is the Vite build).
 */
describe('the web page', () => {
  let db: TestStore;
  let app: FastifyInstance;
  let page: Page;
  let chromium: Browser;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} missing: build first (npx turbo run build --filter=@claimflow/api...)`);
    db = await openTestStore('pglite');
    await seed(db.store);
    await seedAnalystPapers(db.store);
    // A batch still running: the page shows its progress.
    await db.store.writeChunk({
      batch: { id: 'running-batch', name: 'nightly crawl', createdAt: new Date().toISOString() },
      extractorVersion: 'test',
      papers: [],
      rejections: [{ file: 'crawl.jsonl', line: 1, field: 'title', reason: 'missing' }],
      total: 4,
    });
    app = await testApp({ store: db.store, config: { API_TOKEN: WRITE_TOKEN } });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    chromium = await launchChromium();
    page = chromium.page;
    // Any request off this server would mean the page is not self-contained.
    page.on('request', (req) => {
      if (!req.url().startsWith(base) && !req.url().startsWith('data:')) throw new Error(`request off the server: ${req.url()}`);
    });
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.close();
    await db?.close();
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
    // One quality plot per unit: pp, % and abs never share an axis.
    for (const id of ['plot-factors', 'plot-quality-pp', 'plot-quality-abs', 'plot-years']) {
      await page.locator(`#${id} canvas`).waitFor();
      const drawn = await page.locator(`#${id} canvas`).evaluate((c: HTMLCanvasElement) => c.width > 0 && c.toDataURL().length > 2000);
      expect(drawn, id).toBe(true);
    }
    // every stored paper counts, with claims or not (the running batch's papers have none yet)
    const stored = await page.evaluate(async () => (await (await fetch('./api/stats')).json()).papersStored);
    await expect.poll(() => page.locator('#totals').textContent()).toMatch(new RegExp(`^${stored} papers, \\d+ with claims · \\d+ claims$`));
    await page.locator('#batches .batch.running').waitFor();
    expect(await page.locator('#batches').textContent()).toContain('nightly crawl');
    expect(await page.locator('#batches').textContent()).toContain('1 / 4 records');
    await page.screenshot({ path: join(SCREENSHOTS, 'claims.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('filters by kind and value range, and searches', async () => {
    await page.goto(`${base}/#/?paper=fx-001&paper=fx-002&paper=fx-003&paper=fx-004&paper=fx-005`);
    await rows().first().waitFor();
    await page.selectOption('#f-kind', 'speedup');
    await page.fill('#f-min', '1.6');
    await page.click('#filters button[type=submit]');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('kind=speedup');
    await expect.poll(async () => (await page.locator('#claims-table tbody tr td.value').allTextContents()).join(' ')).not.toContain('1.5');
    const values = await page.locator('#claims-table tbody tr td.value').allTextContents();
    expect(values.length).toBeGreaterThan(0);
    const kinds = await page.locator('#claims-table tbody .pill').allTextContents();
    expect(new Set(kinds)).toEqual(new Set(['speedup']));
    expect(values).toEqual(expect.arrayContaining(['3.2×', '1.67×']));

    await page.selectOption('#f-kind', []);
    await page.fill('#f-min', '');
    await page.fill('#f-paper', '');
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

  it('opens a leaderboard: accuracy on ImageNet, gains over every baseline listed with their baselines, not ranked', async () => {
    await page.goto(`${base}/#/leaderboards`);
    await page.locator('#boards-table').waitFor();
    expect(await page.title()).toBe('leaderboards — claimflow');
    await page.locator('#boards-table a.board-link', { hasText: /^accuracy on ImageNet$/ }).first().click();
    await page.locator('#leaderboard-table tbody tr').first().waitFor();
    expect(await page.title()).toBe('accuracy on ImageNet — leaderboard — claimflow');
    const papers = await page.locator('#leaderboard-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-paper')));
    expect(papers).toEqual(['an-2', 'an-1', 'an-3', 'an-1', 'fx-001']);
    expect(await page.locator('#leaderboard-table tbody tr').first().locator('td.value').textContent()).toBe('+2.3 pp');
    expect(await page.locator('#leaderboard-table tbody td.rank').allTextContents()).toEqual(['—', '—', '—', '—', '—']);
    expect(await page.locator('#leaderboard-view .meta').first().textContent()).toContain('listed, not ranked');
    // the source link of a paper whose metadata has one
    expect(await page.locator('#leaderboard-table tr[data-paper="an-1"] a.source-link').first().getAttribute('href')).toBe('https://example.org/papers/an-1');
    await page.screenshot({ path: join(SCREENSHOTS, 'leaderboard.png'), fullPage: true });
  });

  it('"speedups over FlashAttention" is one click on a baseline', async () => {
    await page.goto(`${base}/#/leaderboards`);
    await page.locator('#baselines-list a', { hasText: /^FlashAttention-2$/ }).click();
    await page.locator('#baseline-speedup tbody tr').first().waitFor();
    const values = await page.locator('#baseline-speedup tbody td.value').allTextContents();
    expect(values).toEqual(['3.4×', '2.1×', '1.6×']);
    await page.screenshot({ path: join(SCREENSHOTS, 'baseline.png'), fullPage: true });
  });

  it('honours every filter from the URL, and shows it in the form and the title', async () => {
    await page.goto(`${base}/#/?settingKey=ImageNet&metricKey=accuracy&kind=quality_delta&kind=quality_value`);
    await rows().first().waitFor();
    const claims = await page.evaluate(async () => (await (await fetch('./api/claims?settingKey=ImageNet&metricKey=accuracy&kind=quality_delta&kind=quality_value')).json()).claims.length);
    await expect.poll(() => rows().count()).toBe(claims);
    expect(await page.inputValue('#f-settingKey')).toBe('ImageNet');
    expect(await page.locator('#f-kind option:checked').allTextContents()).toEqual(['quality Δ', 'quality']);
    expect(await page.title()).toBe('quality Δ · quality · accuracy · ImageNet — claimflow');
    await expect.poll(() => page.locator('#status').textContent()).toBe(`${claims} of ${claims} claims shown`);
    // the substring filters too (the issue's #/?setting=ImageNet&metric=accuracy)
    await page.goto(`${base}/#/?setting=ImageNet&metric=accuracy`);
    await expect.poll(async () => (await rows().allTextContents()).length).toBeGreaterThan(0);
    for (const text of await page.locator('#claims-table tbody tr td[data-label=Metric]').allTextContents()) expect(text.toLowerCase()).toContain('accuracy');
  });

  it('clicks a facet to filter, and again to drop it', async () => {
    await page.goto(`${base}/#/`);
    await page.locator('#facets a[data-facet=baselineKey][data-value="FlashAttention-2"]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('baselineKey=FlashAttention-2');
    await expect.poll(() => rows().count()).toBe(4);
    await page.locator('#facets a[data-facet=kind][data-value=speedup]').click();
    await expect.poll(() => rows().count()).toBe(3);
    expect(await page.locator('#facets a[data-facet=kind][data-value=speedup]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('#facets a[data-facet=kind][data-value=speedup]').click();
    await expect.poll(() => rows().count()).toBe(4);
  });

  it('sorts by clicking a column, both ways', async () => {
    await page.goto(`${base}/#/?kind=measurement&unit=s&paper=an-1&paper=an-2&paper=an-3`);
    await rows().first().waitFor();
    const values = () => page.locator('#claims-table tbody td.value').allTextContents();
    // polled: the previous view's rows may still be on the page for a moment
    await expect.poll(values).toEqual(['30 ms', '12 ms', '8 ms']);
    await page.click('#claims-table th button[data-sort=value_asc]');
    await expect.poll(values).toEqual(['8 ms', '12 ms', '30 ms']);
    expect(await page.locator('#claims-table th[aria-sort=ascending]').textContent()).toContain('Value');
    await page.click('#claims-table th button[data-sort=value]');
    await expect.poll(values).toEqual(['30 ms', '12 ms', '8 ms']);
    // the stored value on hover
    expect(await page.locator('#claims-table tbody td.value span').first().getAttribute('title')).toBe('stored: 0.03 s');
  });

  it('goes to a paper and back with the rows and the scroll position restored', async () => {
    // More than a page of claims (each page is 100).
    await seedBulkPapers(db.store);
    await page.setViewportSize({ width: 1280, height: 700 });
    await page.goto(`${base}/#/?sort=paper`);
    await rows().first().waitFor();
    await page.click('#more');
    await expect.poll(() => rows().count()).toBeGreaterThan(150);
    const loaded = await rows().count();
    const target = page.locator('#claims-table tbody tr').nth(140);
    await target.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(1000);
    const id = await target.getAttribute('data-claim');
    await target.locator('a.paper-link').click();
    await page.locator('#paper-view').waitFor();
    await page.goBack();
    await expect.poll(() => rows().count()).toBe(loaded);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y - 50);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(y + 50);
    expect(await page.locator(`#claims-table tbody tr[data-claim="${id}"]`).isVisible()).toBe(true);
    // and by the page's own back link
    await page.locator(`#claims-table tbody tr[data-claim="${id}"] a.paper-link`).click();
    await page.locator('#paper-view #back').click();
    await expect.poll(() => rows().count()).toBe(loaded);
    await page.setViewportSize({ width: 1280, height: 1000 });
  });

  it('links the source and the URLs of an abstract, and reaches every highlight by keyboard', async () => {
    await page.goto(`${base}/#/paper/an-4`);
    await page.locator('#paper-view .abstract mark').first().waitFor();
    expect(await page.title()).toBe('Attention without the memory — claimflow');
    expect(await page.locator('#paper-view .abstract a').getAttribute('href')).toBe('https://example.org/attention-code');
    const marks = page.locator('#paper-view .abstract mark');
    await marks.first().focus();
    await page.keyboard.press('Enter');
    expect(await marks.first().getAttribute('class')).toContain('focused');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await marks.nth(1).textContent());
    await page.keyboard.press(' ');
    expect(await marks.nth(1).getAttribute('class')).toContain('focused');
    await page.goto(`${base}/#/paper/an-1`);
    expect(await page.locator('#source-link').getAttribute('href')).toBe('https://example.org/papers/an-1');
  });

  it('filters by clicking a chart', async () => {
    await page.goto(`${base}/#/?kind=speedup`);
    const canvas = page.locator('#plot-factors canvas');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    // Click along the bottom of the plot area until a bar answers.
    const picked = async () => (await page.evaluate(() => location.hash)).includes('min=');
    for (const up of [70, 90, 120]) {
      for (let x = box.x + 40; x < box.x + box.width - 5 && !(await picked()); x += 6) await page.mouse.click(x, box.y + box.height - up);
    }
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toMatch(/min=[\d.]+&max=[\d.]+/);
    expect(hash).toContain('unit=x');
  });

  it('has a favicon', async () => {
    const href = await page.locator('link[rel=icon]').getAttribute('href');
    const res = await page.request.get(new URL(href!, `${base}/`).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('image/svg+xml');
  });

  it('works at 400 and 360 px wide without sideways scrolling', async () => {
    for (const width of [400, 360]) {
      await page.setViewportSize({ width, height: 800 });
      for (const hash of ['#/', '#/leaderboards', '#/leaderboard/accuracy?setting=ImageNet', '#/paper/fx-001', '#/baseline/FlashAttention-2']) {
        await page.goto(`${base}/${hash}`);
        await page.locator('#view table, #view .error').first().waitFor();
        await page.waitForTimeout(100);
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(scroll, `${hash} at ${width}px`).toBeLessThanOrEqual(client);
        await page.evaluate(() => window.scrollTo(0, 0));
        if (hash === '#/') {
          await page.locator('#plot-quality-pp canvas').waitFor();
          const clipped = await page.locator('#plots canvas[data-labels-clipped]').evaluateAll((cs) => cs.map((c) => Number((c as HTMLElement).dataset.labelsClipped)));
          expect(clipped.length, `${width}px`).toBeGreaterThan(0);
          expect(clipped.every((n) => n === 0), `chart labels clipped at ${width}px: ${clipped}`).toBe(true);
        }
        if (width === 400 && hash === '#/') await page.screenshot({ path: join(SCREENSHOTS, 'narrow.png'), fullPage: false });
        if (width === 400 && hash.startsWith('#/leaderboard/')) await page.screenshot({ path: join(SCREENSHOTS, 'leaderboard-narrow.png'), fullPage: false });
      }
    }
    await page.setViewportSize({ width: 1280, height: 1000 });
  });

  it('ranks comparable boards: ranks and values on one line, low confidence greyed on request, filters and downloads, at 1400 and 400 px', async () => {
    await seedBoardPapers(db.store);
    for (const width of [1400, 400]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${base}/#/leaderboard/AP?setting=COCO&kind=quality_value`);
      await page.locator('#leaderboard-table tbody tr').first().waitFor();
      expect(await page.locator('#leaderboard-table tbody td.rank').allTextContents()).toEqual(['1', '2', '3']);
      expect(await page.locator('#leaderboard-table tbody td.value').allTextContents()).toEqual(['53.1%', '44.2%', '40%']);
      await page.click('#toggle-low-confidence');
      await page.locator('#leaderboard-table tr.low-confidence').waitFor();
      const low = page.locator('#leaderboard-table tr.low-confidence');
      expect(await low.getAttribute('data-paper')).toBe('bd-3');
      expect(await low.locator('td.rank').textContent()).toBe('—');
      expect(Number(await low.locator('td').first().evaluate((td) => getComputedStyle(td).opacity))).toBeLessThan(1);
      // No rank or value breaks across lines: each is one line high.
      const broken = await page.locator('#leaderboard-table td.rank, #leaderboard-table td.value').evaluateAll((tds) =>
        tds.filter((td) => {
          // a text node laid out on two lines has two boxes
          const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(n);
            if (range.getClientRects().length > 1) return true;
          }
          return td.scrollWidth > td.clientWidth + 1;
        }).map((td) => td.textContent));
      expect(broken, `${width}px`).toEqual([]);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, `${width}px`).toBeLessThanOrEqual(client);
      await page.locator('#progress canvas').waitFor();
      expect(await page.locator('#progress canvas').evaluate((c: HTMLCanvasElement) => c.width > 0 && c.toDataURL().length > 2000)).toBe(true);
      if (width === 1400) await page.screenshot({ path: join(SCREENSHOTS, 'comparable-board.png'), fullPage: true });
      else await page.screenshot({ path: join(SCREENSHOTS, 'comparable-board-narrow.png'), fullPage: false });
    }
    // The downloads are the same route with .csv and .json.
    const csvHref = await page.locator('#leaderboard-view a.download-csv').getAttribute('href');
    expect(csvHref).toMatch(/^\.\/api\/leaderboards\/AP\.csv\?/);
    const csv = await page.evaluate(async (href) => (await fetch(href!)).text(), csvHref);
    expect(csv.split('\r\n')[0]).toMatch(/^rank,value,display,unit,better,/);
    // The index filters by metric, setting and papers, and folds boards of one paper.
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${base}/#/leaderboards`);
    await page.locator('#boards-table').waitFor();
    expect(await page.locator('#single-boards').getAttribute('open')).toBeNull();
    const several = await page.locator('#boards-table tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-papers'))));
    expect(several.every((n) => n > 1)).toBe(true);
    await page.fill('#board-filter input[name=metric]', 'latency');
    await page.fill('#board-filter input[name=setting]', 'A100');
    await page.click('#board-filter button[type=submit]');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/leaderboards?metric=latency&setting=A100');
    await expect.poll(() => page.locator('#boards-table a.board-link').allTextContents()).toEqual(['latency · A100']);
    await page.screenshot({ path: join(SCREENSHOTS, 'leaderboards.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 1000 });
  });

  it('corrects a claim from its row: a wrong token is refused with the reason, the right one marks it wrong and the board drops it', async () => {
    await page.goto(`${base}/#/leaderboard/speed?baseline=XNOR-Net`);
    await page.locator('#leaderboard-table tr[data-paper="bd-3"]').waitFor();
    const row = page.locator('#leaderboard-table tr[data-paper="bd-3"]');
    const form = row.locator('form.correction-form');
    // closed until asked for: a board is for reading, not a wall of forms
    expect(await page.locator('#leaderboard-table form.correction-form:visible').count()).toBe(0);
    await row.locator('.correct-toggle').click();
    await expect.poll(() => form.isVisible()).toBe(true);
    await form.locator('select[name=action]').selectOption('wrong');
    await form.locator('input[name=why]').fill('the 2x is a lower bound on another task');
    await form.locator('input[name=who]').fill('ana');
    await form.locator('input[name=token]').fill('not-the-token');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('.correction-status').textContent()).toContain('Authorization: Bearer');
    await form.locator('input[name=token]').fill(WRITE_TOKEN);
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('#leaderboard-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-paper')))).toEqual(['bd-2']);
    const list = await page.evaluate(async () => (await (await fetch('./api/corrections')).json()).corrections);
    expect(list).toMatchObject([{ action: 'wrong', paperId: 'bd-3', who: 'ana', why: 'the 2x is a lower bound on another task' }]);
  });

  it('filters by publication year from the form, and downloads the facet counts of the filter', async () => {
    await page.goto(`${base}/#/?kind=quality_delta&year=2020`);
    await rows().first().waitFor();
    expect(await page.inputValue('#f-year')).toBe('2020');
    // an-1 is the one paper of 2020 (its metadata says published 2020-01-15)
    const papers = await page.locator('#claims-table td.paper-id').allTextContents();
    expect(new Set(papers)).toEqual(new Set(['an-1']));
    const href = await page.locator('#facets-downloads a', { hasText: 'CSV' }).getAttribute('href');
    expect(href).toBe('./api/facets.csv?kind=quality_delta&year=2020');
    const csv = await page.evaluate(async (u) => (await fetch(u!)).text(), href);
    expect(csv.split('\r\n')[0]).toBe('facet,value,label,claims');
    expect(csv).toContain('kind,quality_delta,quality_delta,2');
  });

  it('adds a claim the extractor missed from the paper view, by the number as written', async () => {
    await page.goto(`${base}/#/paper/an-4`);
    await page.locator('#paper-view .abstract mark').first().waitFor();
    expect(await page.locator('#paper-view .abstract mark').allTextContents()).not.toContain('2.5x');
    await page.locator('#add-claim summary').click();
    const form = page.locator('#add-claim-form');
    await form.locator('input[name=text]').fill('2.5x');
    await form.locator('select[name=kind]').selectOption('speedup');
    await form.locator('input[name=value]').fill('2.5');
    await form.locator('select[name=unit]').selectOption('x');
    await form.locator('input[name=baseline]').fill('FlashAttention');
    await form.locator('input[name=why]').fill('missed: the second comparison');
    await form.locator('input[name=who]').fill('ben');
    await form.locator('input[name=token]').fill(WRITE_TOKEN);
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('#paper-view .abstract mark').allTextContents()).toContain('2.5x');
  });
});
