// Square: the SDK's WebhooksHelper.verifySignature over the notification URL and the raw body.
import { WebhooksHelper } from 'square'
import { header } from '../headers.mjs'

export default {
  square: async (c, body) => {
    const ok = await WebhooksHelper.verifySignature({
      requestBody: body.toString('utf8'),
      signatureHeader: header(c.headers, 'x-square-hmacsha256-signature') ?? '',
      signatureKey: c.secret,
      notificationUrl: c.url,
    })
    if (!ok) throw new Error('signature does not match')
  },
}
