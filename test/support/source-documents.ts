/**
 * Documents in each source's published format, written for the tests from
 * the sources' documentation: arXiv's OAI-PMH ListRecords in the `arXiv`
 * metadata format, the arXiv API's Atom feed with OpenSearch totals, Hugging
 * Face's daily papers JSON and OpenAlex's works list.
 */
export interface TestPaper {
  arxivId: string;
  title: string;
  abstract: string;
  version?: number;
  updated?: string;
  authors?: string[];
  categories?: string[];
  doi?: string;
  journalRef?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Wraps at 70 columns with indentation, as arXiv's XML does: the reader must put it back on one line. */
const wrapped = (s: string) => esc(s).replace(/(.{1,70})(\s|$)/g, '$1\n      ').trim();

export function oaiListRecords(papers: (TestPaper | { malformed: string })[], token: { next?: string; size?: number; cursor?: number } = {}): string {
  const records = papers.map((p) => {
    if ('malformed' in p) {
      return `<record><header><identifier>oai:arXiv.org:${p.malformed}</identifier><datestamp>2024-01-03</datestamp><setSpec>cs</setSpec></header>
  <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>${p.malformed}</id><created>2024-01-02</created><authors><author><keyname>Nobody</keyname></author></authors>
  <title>A record without its abstract</title><categories>cs.LG</categories></arXiv></metadata></record>`;
    }
    const authors = (p.authors ?? ['Jane Doe']).map((a) => {
      const [fore, ...key] = a.split(' ');
      return `<author><keyname>${esc(key.join(' '))}</keyname><forenames>${esc(fore)}</forenames></author>`;
    });
    return `<record>
  <header><identifier>oai:arXiv.org:${p.arxivId}</identifier><datestamp>${p.updated ?? '2024-01-03'}</datestamp><setSpec>cs</setSpec></header>
  <metadata>
    <arXiv xmlns="http://arxiv.org/OAI/arXiv/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://arxiv.org/OAI/arXiv/ http://arxiv.org/OAI/arXiv.xsd">
      <id>${p.arxivId}</id>
      <created>2024-01-01</created>${p.updated ? `\n      <updated>${p.updated}</updated>` : ''}
      <authors>${authors.join('')}</authors>
      <title>${wrapped(p.title)}</title>
      <categories>${(p.categories ?? ['cs.LG']).join(' ')}</categories>${p.journalRef ? `\n      <journal-ref>${esc(p.journalRef)}</journal-ref>` : ''}${p.doi ? `\n      <doi>${p.doi}</doi>` : ''}
      <license>http://creativecommons.org/licenses/by/4.0/</license>
      <abstract>  ${wrapped(p.abstract)}
      </abstract>
    </arXiv>
  </metadata>
</record>`;
  });
  const rt = token.next != null || token.size != null
    ? `<resumptionToken cursor="${token.cursor ?? 0}" completeListSize="${token.size ?? papers.length}">${token.next ?? ''}</resumptionToken>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">
<responseDate>2024-01-04T12:00:00Z</responseDate>
<request verb="ListRecords" metadataPrefix="arXiv">http://export.arxiv.org/oai2</request>
<ListRecords>
${records.join('\n')}
${rt}
</ListRecords>
</OAI-PMH>`;
}

export function oaiError(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-01-04T12:00:00Z</responseDate><request verb="ListRecords">http://export.arxiv.org/oai2</request><error code="${code}">${esc(message)}</error></OAI-PMH>`;
}

export function arxivAtom(papers: TestPaper[], page: { total: number; start: number; perPage: number }): string {
  const entries = papers.map((p) => {
    const v = `v${p.version ?? 1}`;
    return `<entry>
    <id>http://arxiv.org/abs/${p.arxivId}${v}</id>
    <updated>${p.updated ?? '2024-01-03'}T10:00:00Z</updated>
    <published>2024-01-01T10:00:00Z</published>
    <title>${wrapped(p.title)}</title>
    <summary>  ${wrapped(p.abstract)}
    </summary>
    ${(p.authors ?? ['Jane Doe']).map((a) => `<author><name>${esc(a)}</name></author>`).join('\n    ')}
    ${p.doi ? `<arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">${p.doi}</arxiv:doi>` : ''}
    ${p.journalRef ? `<arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">${esc(p.journalRef)}</arxiv:journal_ref>` : ''}
    <link href="http://arxiv.org/abs/${p.arxivId}${v}" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${p.arxivId}${v}" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${(p.categories ?? ['cs.LG'])[0]}" scheme="http://arxiv.org/schemas/atom"/>
    ${(p.categories ?? ['cs.LG']).map((c) => `<category term="${c}" scheme="http://arxiv.org/schemas/atom"/>`).join('\n    ')}
  </entry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3Dcat%3Acs.LG" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=cat:cs.LG</title>
  <id>http://arxiv.org/api/test</id>
  <updated>2024-01-04T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${page.total}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${page.start}</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${page.perPage}</opensearch:itemsPerPage>
  ${entries.join('\n  ')}
</feed>`;
}

export function hfDaily(papers: (TestPaper | { malformed: true })[], date: string): string {
  return JSON.stringify(
    papers.map((p) =>
      'malformed' in p
        ? { paper: { title: 'An entry without its paper id', summary: 'x' }, publishedAt: `${date}T08:00:00.000Z` }
        : {
            paper: {
              id: p.arxivId,
              authors: (p.authors ?? ['Jane Doe']).map((name, i) => ({ _id: `a${i}`, name, hidden: false })),
              publishedAt: `${date}T00:00:00.000Z`,
              title: p.title,
              summary: p.abstract,
              upvotes: 12,
            },
            publishedAt: `${date}T08:00:00.000Z`,
            title: p.title,
            thumbnail: `https://cdn.example.invalid/${p.arxivId}.png`,
            numComments: 2,
          },
    ),
  );
}

/** word → positions, as OpenAlex ships an abstract. */
export function invertedIndex(text: string): Record<string, number[]> {
  const index: Record<string, number[]> = {};
  text.split(/\s+/).forEach((w, i) => (index[w] ??= []).push(i));
  return index;
}

export function openAlexWorks(works: (TestPaper & { workId: string; venue?: string })[], meta: { count: number; next: string | null }): string {
  return JSON.stringify({
    meta: { count: meta.count, db_response_time_ms: 12, page: null, per_page: 25, next_cursor: meta.next, groups_count: null },
    results: works.map((w) => ({
      id: `https://openalex.org/${w.workId}`,
      doi: w.doi ? `https://doi.org/${w.doi}` : null,
      title: w.title,
      display_name: w.title,
      publication_date: '2024-01-02',
      updated_date: '2024-01-05T03:00:00.000000',
      authorships: (w.authors ?? ['Jane Doe']).map((name) => ({ author_position: 'first', author: { id: 'https://openalex.org/A1', display_name: name } })),
      primary_location: { landing_page_url: `https://example.invalid/${w.workId}`, source: w.venue ? { display_name: w.venue } : null },
      concepts: (w.categories ?? ['Computer science']).map((c) => ({ id: 'https://openalex.org/C1', display_name: c, level: 0, score: 0.9 })),
      abstract_inverted_index: w.abstract ? invertedIndex(w.abstract) : null,
    })),
  });
}
