export { deliverWebhook, signature, SIGNATURE_HEADER } from './webhook.js';
export { queueWebhookDeliveries, type DeliveryOptions } from './check.js';
export { sendDigests, type DigestOptions } from './digest.js';
