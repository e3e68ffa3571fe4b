// Linear: the official SDK's LinearWebhookClient.verify (@linear/sdk/webhooks): the hex HMAC-SHA256 of the raw body
// in linear-signature (timingSafeEqual), then the signed body's webhookTimestamp, refused when more than 60 000 ms
// from Date.now() either way. The (deprecated) LinearWebhooks export of the package root is the same class; the
// timestamp argument it takes is ignored, only the body's counts.
import { LinearWebhookClient } from '@linear/sdk/webhooks'
import { header } from '../headers.mjs'

export default {
  '@linear/sdk': (c, body) => new LinearWebhookClient(c.secret).verify(body, header(c.headers, 'linear-signature') ?? ''),
}
