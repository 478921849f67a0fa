import { z } from 'zod';
import { ClaimView, FilterOnlyQuery } from './api.js';

/**
 * Saved searches and their alerts (issue 20): a claim filter the API
 * accepts, under a name; new claims matching it go out as an Atom feed, a
 * signed webhook and a daily e-mail digest.
 */
export const SearchName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'letters, digits, - and _ only, at most 64, starting with a letter or digit');

export const SaveSearchBody = z
  .object({
    name: SearchName,
    /** Any filter GET /api/claims takes, without sort and paging. */
    filter: FilterOnlyQuery,
    webhookUrl: z.url({ protocol: /^https?$/, error: 'an http(s) URL expected' }).optional(),
    email: z.email('an e-mail address expected').optional(),
  })
  .strict();
export type SaveSearchBody = z.infer<typeof SaveSearchBody>;

export const SavedSearch = z.object({
  name: SearchName,
  filter: z.record(z.string(), z.unknown()),
  webhookUrl: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

/** What the API shows of a saved search: where it is delivered stays with the operator. */
export const SavedSearchView = SavedSearch.omit({ webhookUrl: true, email: true }).extend({
  feed: z.string().describe('path of its Atom feed'),
  webhook: z.boolean().describe('new claims are POSTed to a webhook'),
  digest: z.boolean().describe('new claims are e-mailed in a daily digest'),
});
export type SavedSearchView = z.infer<typeof SavedSearchView>;

export const SearchNameParams = z.object({ name: SearchName }).strict();

/** The JSON a webhook receives (signed: X-Claimflow-Signature: sha256=HMAC of the body with ALERT_WEBHOOK_SECRET). */
export const WebhookPayload = z.object({
  search: SearchName,
  feed: z.string(),
  claims: z.array(ClaimView),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;

/** A job of the webhooks queue: one POST, retried with backoff and dead-lettered (left failed) after the last attempt. */
export const WebhookJob = z.object({ search: SearchName, url: z.string(), body: z.string() });
export type WebhookJob = z.infer<typeof WebhookJob>;
