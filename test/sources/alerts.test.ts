import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../api/helpers/app.js';
import { claims, freePort, ServiceProcess, waitFor } from '../support/cli.js';
import { TestPipeline } from '../support/test-pipeline.js';

/**
 * Saved searches end to end: claims ingested after a search was saved reach
 * its Atom feed, its webhook (a receiver that fails twice, then accepts;
 * another that never does, which ends dead-lettered) and its digest e-mail
 * through a local SMTP server; a claim stored before the search reaches none.
 */
const SECRET = 'webhook-secret-for-the-tests';
let pipeline: TestPipeline;
let env: Record<string, string>;
let receiver: Server;
let smtp: SMTPServer;
let smtpPort: number;
let harvester: ServiceProcess;
const posts: { path: string; body: string; signature: string | undefined; status: number }[] = [];
const mails: { to: string[]; data: string }[] = [];
const dir = mkdtempSync(join(tmpdir(), 'claimflow-alerts-'));

function batchFile(name: string, records: object[]): string {
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

beforeAll(async () => {
  let flaky = 0;
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const status = req.url === '/flaky' ? (++flaky <= 2 ? 500 : 200) : 503;
      posts.push({ path: req.url!, body, signature: req.headers['x-claimflow-signature'] as string | undefined, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (d) => (data += d));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', r));
  pipeline = await TestPipeline.start('alerts');
  env = {
    ...pipeline.env,
    ALERT_CHECK_MS: '500',
    ALERT_WEBHOOK_SECRET: SECRET,
    WEBHOOK_ATTEMPTS: '3',
    WEBHOOK_BACKOFF_MS: '200',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    DIGEST_FROM: 'claimflow <alerts@example.org>',
    PUBLIC_URL: 'http://claims.example.org',
  };
});
afterAll(async () => {
  await harvester?.stop('SIGTERM');
  await pipeline?.close();
  receiver?.close();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  rmSync(dir, { recursive: true, force: true });
});

const hook = (path: string) => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}${path}`;

describe('saved searches and alerts', () => {
  it('claims search save / list / delete', async () => {
    const before = await claims(['ingest', batchFile('before.jsonl', [{ id: 'old-1', title: 'An older kernel', abstract: 'Our kernel is 9.5x faster than the baseline on a V100.' }]), '--wait'], env);
    expect(before.code, before.stderr).toBe(0);

    const saved = await claims(['search', 'save', 'speedups', '--kind', 'speedup', '--min', '2', '--webhook', hook('/flaky'), '--email', 'analyst@example.org'], env);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toMatch(/^saved "speedups": \{.*\}; its feed is \/feeds\/speedups\.atom/);
    expect(JSON.parse(/\{.*\}/.exec(saved.stdout)![0])).toEqual({ kind: ['speedup'], min: 2 });
    expect((await claims(['search', 'save', 'doomed', '--kind', 'speedup', '--webhook', hook('/dead')], env)).code).toBe(0);
    const again = await claims(['search', 'save', 'doomed', '--kind', 'speedup'], env);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    const bad = await claims(['search', 'save', 'x', '--kind', 'nope'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--kind');
    expect((await claims(['search', 'save', 'gone', '--q', 'memory'], env)).code).toBe(0);
    expect((await claims(['search', 'delete', 'gone'], env)).stdout).toBe('deleted "gone"\n');
    const list = await claims(['search', 'list'], env);
    expect(list.stdout.split('\n').filter(Boolean).map((l) => l.split('  ')[0])).toEqual(['doomed', 'speedups']);
    expect(list.stdout).toContain(`webhook ${hook('/flaky')}, digest analyst@example.org`);
  });

  it('a claim ingested after the search was saved reaches the webhook (after two refusals), signed, and the feed', async () => {
    const port = await freePort();
    harvester = new ServiceProcess(['harvester'], { ...env, HEALTH_PORT: String(port) });
    await harvester.waitUntilAnswering(`http://127.0.0.1:${port}/readyz`);
    const run = await claims(['ingest', batchFile('after.jsonl', [{ id: 'new-1', title: 'A newer kernel', abstract: 'Our new kernel is 3.5x faster than FlashAttention-2 on an H100.' }]), '--wait'], env);
    expect(run.code, run.stderr).toBe(0);

    const accepted = await waitFor('the webhook delivery', async () => posts.find((p) => p.path === '/flaky' && p.status === 200), 30_000);
    expect(posts.filter((p) => p.path === '/flaky').map((p) => p.status)).toEqual([500, 500, 200]);
    expect(accepted.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(accepted.body).digest('hex')}`);
    const payload = JSON.parse(accepted.body);
    expect(payload.search).toBe('speedups');
    expect(payload.feed).toBe('http://claims.example.org/feeds/speedups.atom');
    expect(payload.claims.map((c: { text: string; paperId: string }) => [c.paperId, c.text])).toEqual([['new-1', '3.5x']]);

    const app = await testApp({ store: pipeline.store });
    try {
      const feed = new XMLParser({ isArray: (n) => n === 'entry' }).parse((await app.inject({ method: 'GET', url: '/feeds/speedups.atom' })).body).feed;
      expect(feed.entry.map((e: { title: string }) => e.title)).toEqual([expect.stringContaining('3.5x speedup')]);
    } finally {
      await app.close();
    }
  });

  it('a delivery that keeps failing is dead-lettered after WEBHOOK_ATTEMPTS, and claims search deliveries shows it', async () => {
    const dead = await waitFor('the dead letter', async () => {
      const out = await claims(['search', 'deliveries'], env);
      return out.stdout.includes('doomed') ? out.stdout : undefined;
    }, 30_000);
    expect(dead).toMatch(new RegExp(`^doomed  ${hook('/dead')}  3 attempt\\(s\\), last \\S+: POST ${hook('/dead')}: the receiver answered 503 Service Unavailable$`, 'm'));
    expect(posts.filter((p) => p.path === '/dead')).toHaveLength(3);
    // Once delivered, a claim is not delivered again.
    await new Promise((r) => setTimeout(r, 1500));
    expect(posts.filter((p) => p.path === '/flaky' && p.status === 200)).toHaveLength(1);
  });

  it('the digest e-mails each search\'s new claims once, through the SMTP server', async () => {
    const sent = await claims(['search', 'digest'], env);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toBe('sent 1 digest(s) with 1 new claim(s)\n');
    expect(mails, JSON.stringify(mails)).toHaveLength(1);
    expect(mails[0].to).toEqual(['analyst@example.org']);
    expect(mails[0].data).toContain('Subject: claimflow: 1 new claim for speedups');
    expect(mails[0].data).toContain('3.5x speedup');
    expect(mails[0].data).not.toContain('9.5x');
    expect((await claims(['search', 'digest'], env)).stdout).toBe('sent 0 digest(s) with 0 new claim(s)\n');
    const noSmtp = await claims(['search', 'digest'], { ...env, SMTP_URL: '' });
    expect(noSmtp.code).toBe(2);
    expect(noSmtp.stderr).toContain('SMTP_URL is not set');
  });
});
