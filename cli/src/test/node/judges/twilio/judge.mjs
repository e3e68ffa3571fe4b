// Twilio: twilio-node's validateRequestWithBody, the check for a request with a JSON body: the signature over
// the URL as requested (its query carries bodySHA256), then the raw body against that bodySHA256.
import twilio from 'twilio'
import { header } from '../headers.mjs'

export default {
  twilio: (c, body) =>
    twilio.validateRequestWithBody(c.secret, header(c.headers, 'X-Twilio-Signature') ?? '', c.url, body),
}
