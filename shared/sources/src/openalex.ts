import { z } from 'zod';
import { arxivPaperId, fetched, readCursor } from './records.js';
import type { PoliteClient } from './http.js';
import type { FetchedRecord, HarvestRequest, Source, SourcePage } from './source.js';

/**
 * OpenAlex works: cursor paging (`cursor=*`, then `meta.next_cursor`) over
 * a filter of the operator's and the publication dates; the abstract comes
 * as `abstract_inverted_index` (word → positions) and is rebuilt here. The
 * contact address also goes in `mailto`, which is how OpenAlex's polite
 * pool knows a client.
 */
interface Cursor {
  filter: string;
  cursor: string;
  size: number;
}

const Work = z.looseObject({
  id: z.string(),
  doi: z.string().nullish(),
  title: z.string().nullish(),
  display_name: z.string().nullish(),
  publication_date: z.string().nullish(),
  updated_date: z.string().nullish(),
  abstract_inverted_index: z.record(z.string(), z.array(z.number().int().nonnegative())).nullish(),
  authorships: z.array(z.looseObject({ author: z.looseObject({ display_name: z.string().nullish() }).nullish() })).nullish(),
  primary_location: z.looseObject({ landing_page_url: z.string().nullish(), source: z.looseObject({ display_name: z.string().nullish() }).nullish() }).nullish(),
  concepts: z.array(z.looseObject({ display_name: z.string() })).nullish(),
});

const Answer = z.object({ meta: z.looseObject({ count: z.number().nullish(), next_cursor: z.string().nullish() }), results: z.array(z.unknown()) });

/** Words back in their positions; a position no word claims is skipped. */
export function abstractFromInvertedIndex(index: Record<string, number[]>): string {
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) for (const p of positions) words[p] = word;
  return words.filter((w) => w != null).join(' ');
}

export class OpenAlexSource implements Source {
  readonly name = 'openalex' as const;
  constructor(private readonly http: PoliteClient, private readonly baseUrl: string, private readonly contact: string) {}

  start(req: HarvestRequest): string {
    const filter = [req.filter, `from_publication_date:${req.since}`, `to_publication_date:${req.until}`].filter(Boolean).join(',');
    return JSON.stringify({ filter, cursor: '*', size: req.pageSize ?? 100 } satisfies Cursor);
  }

  async fetchPage(cursor: string): Promise<SourcePage> {
    const c = readCursor<Cursor>(this.name, cursor);
    const params = new URLSearchParams({ filter: c.filter, per_page: String(c.size), cursor: c.cursor, mailto: this.contact });
    let answer: z.infer<typeof Answer>;
    try {
      answer = Answer.parse(JSON.parse(await this.http.get(`${this.baseUrl}/works?${params}`, 'application/json')));
    } catch (err) {
      if ((err as Error).name === 'HarvestHttpError') throw err;
      throw new Error(`${this.name}: the answer is not a list of works (${(err as Error).message.slice(0, 200)})`);
    }
    const next = answer.meta.next_cursor;
    return {
      records: answer.results.map(workRecord),
      next: next && answer.results.length ? JSON.stringify({ ...c, cursor: next }) : null,
      total: answer.meta.count ?? null,
    };
  }
}

function workRecord(item: unknown): FetchedRecord {
  const parsed = Work.safeParse(item);
  const id = (item as { id?: unknown })?.id;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `openalex work ${typeof id === 'string' ? id : '(no id)'}: ${issue.path.join('.')}: ${issue.message}`, field: String(issue.path[0] ?? '') || null };
  }
  const w = parsed.data;
  const workId = w.id.replace(/^https:\/\/openalex\.org\//, '');
  const doi = w.doi?.replace(/^https:\/\/doi\.org\//, '') ?? undefined;
  // arXiv's DOIs (10.48550/arXiv.ID) name the arXiv paper the other sources store.
  const arxivId = /^10\.48550\/arxiv\.(.+)$/i.exec(doi ?? '')?.[1];
  const abstract = w.abstract_inverted_index ? abstractFromInvertedIndex(w.abstract_inverted_index) : undefined;
  return fetched(w.id, (w.title ?? w.display_name)?.trim(), abstract, arxivId ? arxivPaperId(arxivId) : `openalex:${workId}`, {
    source: 'openalex',
    sourceId: w.id,
    url: w.primary_location?.landing_page_url ?? w.id,
    doi,
    arxivId,
    published: w.publication_date ?? undefined,
    updated: w.updated_date ?? undefined,
    authors: (w.authorships ?? []).map((a) => a.author?.display_name).filter((n): n is string => !!n),
    categories: (w.concepts ?? []).map((c) => c.display_name),
    venue: w.primary_location?.source?.display_name ?? undefined,
  });
}
