import type { ClaimView, SavedSearch } from '@claimflow/schemas';
import { paperHref } from './paper-href.js';

/**
 * A saved search's new claims as an Atom 1.0 feed (RFC 4287): feed id,
 * title, updated, author and self link; one entry per claim with id, title,
 * updated, a link to its paper and the evidence as content. Ids are tag:
 * URIs that never change, so a feed reader shows each claim once.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Where a saved search's Atom feed is served, relative to the API's root. */
export const feedPath = (name: string) => `/feeds/${encodeURIComponent(name)}.atom`;

export function atomFeed(search: SavedSearch, claims: ClaimView[], baseUrl: string): string {
  const self = `${baseUrl}${feedPath(search.name)}`;
  const updated = claims[0]?.createdAt ?? search.createdAt;
  const entries = claims.map((c) => {
    const link = `${baseUrl}/${paperHref(c.paperId)}`;
    const what = [c.metric, c.baseline && `over ${c.baseline}`, c.setting && `on ${c.setting}`].filter(Boolean).join(' ');
    return `  <entry>
    <id>tag:claimflow,2026:claim/${esc(c.id)}</id>
    <title>${esc(`${c.text} ${c.kind}${what ? ` (${what})` : ''}: ${c.paperTitle}`)}</title>
    <updated>${c.createdAt}</updated>
    <link rel="alternate" type="text/html" href="${esc(link)}"/>
    <content type="text">${esc(c.sentence ?? c.text)}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>tag:claimflow,2026:search/${esc(search.name)}</id>
  <title>${esc(`claimflow: ${search.name}`)}</title>
  <subtitle>New claims matching the saved search ${esc(search.name)}</subtitle>
  <updated>${updated}</updated>
  <author><name>claimflow</name></author>
  <link rel="self" type="application/atom+xml" href="${esc(self)}"/>
${entries.join('\n')}
</feed>
`;
}
