// SendGrid: @sendgrid/eventwebhook's verifySignature with the public key as SendGrid shows it (base64 DER),
// over the timestamp header followed by the raw body.
import { EventWebhook, EventWebhookHeader } from '@sendgrid/eventwebhook'
import { header } from '../headers.mjs'

export default {
  '@sendgrid/eventwebhook': (c, body) => {
    const webhook = new EventWebhook()
    return webhook.verifySignature(webhook.convertPublicKeyToECDSA(c.secret), body,
      header(c.headers, EventWebhookHeader.SIGNATURE()) ?? '', header(c.headers, EventWebhookHeader.TIMESTAMP()) ?? '')
  },
}
