// Svix: the official library's Webhook.verify, which reads the svix-id, svix-timestamp and svix-signature headers.
import { Webhook } from 'svix'

export default {
  svix: (c, body) => new Webhook(c.secret).verify(body, c.headers),
}
