import { paperHref } from './paper-href.js';

/** Metadata fields that name where a paper can be read, in the order they are trusted. */
const URL_FIELDS = ['url', 'link', 'pdf_url', 'pdfUrl', 'html_url'];
const ARXIV_FIELDS = ['arxiv', 'arxiv_id', 'arxivId', 'arXiv'];
const DOI_FIELDS = ['doi', 'DOI'];

const ARXIV_ID = /^(?:arxiv:)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)$/i;
const DOI = /^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i;

const field = (meta: Record<string, unknown>, names: string[]) => {
  for (const n of names) {
    const v = meta[n];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
};

/**
 * The paper's source, from what its batch's metadata says: an http(s) url as
 * given, an arXiv id as its abstract page, a DOI as its resolver link. Any
 * other scheme (javascript:, data:) is never passed on.
 */
export function sourceUrl(metadata: Record<string, unknown> | null | undefined, paperId?: string): string | null {
  const meta = metadata ?? {};
  const url = field(meta, URL_FIELDS);
  if (url && /^https?:\/\/[^\s]+$/i.test(url)) return url;
  const arxiv = field(meta, ARXIV_FIELDS) ?? (paperId && ARXIV_ID.test(paperId) ? paperId : null);
  const a = arxiv ? ARXIV_ID.exec(arxiv) : null;
  if (a) return `https://arxiv.org/abs/${a[1]}`;
  const doi = field(meta, DOI_FIELDS);
  const d = doi ? DOI.exec(doi) : null;
  if (d) return `https://doi.org/${d[1]}`;
  return null;
}

export function paperLinks(paperId: string, metadata: Record<string, unknown> | null | undefined) {
  return { page: paperHref(paperId), source: sourceUrl(metadata, paperId) };
}
