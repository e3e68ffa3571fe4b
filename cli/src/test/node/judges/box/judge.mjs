// Box: box-node-sdk's WebhooksManager.validateMessage (v10, the generated SDK): base64 HMAC-SHA256 of the body
// then BOX-DELIVERY-TIMESTAMP, with the primary or the secondary key; it refuses a delivery older than 10 minutes
// or dated after its clock, and reads the headers by their lower-case names.
import { WebhooksManager } from 'box-node-sdk/managers'

const lowerCased = (headers) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))

export default {
  // the endpoint's one key is the primary key, which signs BOX-SIGNATURE-PRIMARY
  'box-node-sdk': (c, body) => WebhooksManager.validateMessage(body.toString('utf8'), lowerCased(c.headers), c.secret),
}
