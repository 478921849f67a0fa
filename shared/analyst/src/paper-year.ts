/** Metadata fields that date a paper, most precise first. */
const DATE_FIELDS = ['published', 'date', 'year'];

/** The year a paper was published, from its metadata ("2021-03-04", 2021, "2021"), or null. */
export function paperYear(metadata: Record<string, unknown> | null | undefined): number | null {
  for (const f of DATE_FIELDS) {
    const v = metadata?.[f];
    const m = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
    const y = /^(\d{4})(?:\D|$)/.exec(m);
    if (y) return Number(y[1]);
  }
  return null;
}
