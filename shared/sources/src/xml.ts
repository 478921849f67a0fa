import { XMLParser } from 'fast-xml-parser';

/**
 * XML as plain objects: namespace prefixes dropped (`opensearch:totalResults`
 * is `totalResults`), attributes under `@_`, values kept as strings (an
 * arXiv id like 2401.10000 must not become a number), and the elements that
 * may repeat always arrays.
 */
export function xmlParser(repeated: readonly string[]): XMLParser {
  const lists = new Set(repeated);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => lists.has(name),
  });
}

/** An element's text, whether it came as a string or as an object with attributes. */
export function text(node: unknown): string | undefined {
  if (node == null) return undefined;
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && '#text' in node) return String((node as Record<string, unknown>)['#text']);
  return undefined;
}

/** Source text as one line: the XML sources wrap titles and abstracts at 80 columns. */
export function oneLine(s: string | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t || undefined;
}

export const asArray = <T>(v: T | T[] | undefined | null): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
