// Standard Webhooks: the reference library and Svix's, which verify the same headers.
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'

export default {
  standardwebhooks: (c, body) => new StandardWebhook(c.secret).verify(body, c.headers),
  svix: (c, body) => new SvixWebhook(c.secret).verify(body, c.headers),
}
