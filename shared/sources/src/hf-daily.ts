import { z } from 'zod';
import { arxivPaperId, fetched, readCursor } from './records.js';
import type { PoliteClient } from './http.js';
import type { FetchedRecord, HarvestRequest, Source, SourcePage } from './source.js';

/**
 * Hugging Face's daily papers: `/api/daily_papers?date=YYYY-MM-DD` is the
 * JSON list of one day's papers, each an arXiv paper. One page is one day,
 * from `since` to `until`.
 */
interface Cursor {
  date: string;
  until: string;
}

const Entry = z.object({
  paper: z.looseObject({
    id: z.string(),
    title: z.string().optional(),
    summary: z.string().optional(),
    publishedAt: z.string().optional(),
    authors: z.array(z.looseObject({ name: z.string().optional() })).optional(),
  }),
  title: z.string().optional(),
  publishedAt: z.string().optional(),
});

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export class HfDailySource implements Source {
  readonly name = 'hf-daily' as const;
  constructor(private readonly http: PoliteClient, private readonly baseUrl: string) {}

  start(req: HarvestRequest): string {
    return JSON.stringify({ date: req.since, until: req.until } satisfies Cursor);
  }

  async fetchPage(cursor: string): Promise<SourcePage> {
    const c = readCursor<Cursor>(this.name, cursor);
    const body = await this.http.get(`${this.baseUrl}/api/daily_papers?${new URLSearchParams({ date: c.date })}`, 'application/json');
    let list: unknown;
    try {
      list = JSON.parse(body);
    } catch {
      throw new Error(`${this.name}: the answer for ${c.date} is not JSON`);
    }
    if (!Array.isArray(list)) throw new Error(`${this.name}: the answer for ${c.date} is not a list of papers`);
    const next = nextDay(c.date);
    return {
      records: list.map((item, i) => dailyRecord(item, c.date, i)),
      next: next <= c.until ? JSON.stringify({ ...c, date: next }) : null,
      total: null,
    };
  }
}

function dailyRecord(item: unknown, date: string, index: number): FetchedRecord {
  const parsed = Entry.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `hf-daily ${date} entry ${index + 1}: ${issue.path.join('.') || 'entry'}: ${issue.message}`, field: issue.path.at(-1)?.toString() ?? null };
  }
  const { paper } = parsed.data;
  return fetched(paper.id, (paper.title ?? parsed.data.title)?.trim(), paper.summary?.trim(), arxivPaperId(paper.id), {
    source: 'hf-daily',
    sourceId: paper.id,
    arxivId: paper.id,
    url: `https://arxiv.org/abs/${paper.id}`,
    published: paper.publishedAt,
    updated: parsed.data.publishedAt,
    authors: (paper.authors ?? []).map((a) => a.name).filter((n): n is string => !!n),
  });
}
