import { advanceCursor, feedPath, listSearches, pendingMatches } from '@claimflow/analyst';
import type { ClaimView } from '@claimflow/schemas';
import type { Sql } from '@claimflow/store';
import nodemailer from 'nodemailer';

/** Claims one digest lists at most; the rest are counted and left to the feed. */
const PER_DIGEST = 200;

export interface DigestOptions {
  /** smtp://user:pass@host:port (smtps:// for TLS): SMTP_URL. */
  smtpUrl: string;
  from: string;
  publicUrl: string;
}

function describe(c: ClaimView): string {
  const context = [c.metric, c.baseline && `over ${c.baseline}`, c.setting && `on ${c.setting}`].filter(Boolean).join(' ');
  return `- ${c.text} ${c.kind}${context ? ` (${context})` : ''}\n  ${c.paperTitle} [${c.paperId}]\n  "${c.sentence ?? c.text}"`;
}

/**
 * One e-mail per saved search with an address and new claims since its
 * last digest; the digest cursor moves only after the server accepted the
 * message, so a refused send is tried again next time.
 */
export async function sendDigests(sql: Sql, opts: DigestOptions): Promise<{ sent: number; claims: number }> {
  const transport = nodemailer.createTransport(opts.smtpUrl);
  let sent = 0;
  let total = 0;
  try {
    for (const search of await listSearches(sql)) {
      if (!search.email) continue;
      const { claims, cursor } = await pendingMatches(sql, search.name, 'digested', PER_DIGEST);
      if (!cursor) continue;
      const feed = `${opts.publicUrl}${feedPath(search.name)}`;
      await transport.sendMail({
        from: opts.from,
        to: search.email,
        subject: `claimflow: ${claims.length}${claims.length === PER_DIGEST ? '+' : ''} new claim${claims.length === 1 ? '' : 's'} for ${search.name}`,
        text: `New claims matching your saved search "${search.name}":\n\n${claims.map(describe).join('\n\n')}\n\nThe feed: ${feed}\n`,
      });
      await advanceCursor(sql, search.name, 'digested', cursor);
      sent++;
      total += claims.length;
    }
  } finally {
    transport.close();
  }
  return { sent, claims: total };
}
