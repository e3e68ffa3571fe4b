// Paddle Billing: @paddle/paddle-node-sdk's webhooks.isSignatureValid (on a Paddle client, which sets up its Node
// crypto; no request is made): Paddle-Signature (ts=…;h1=…, hex HMAC-SHA256 of "{ts}:{body}") with the
// destination's secret key, a ts no more than 5 s old. It reads only the last h1. (webhooks.unmarshal verifies the
// same way and then builds the SDK's event classes, which need a real entity in data.)
import { Paddle } from '@paddle/paddle-node-sdk'
import { header } from '../headers.mjs'

const paddle = new Paddle('judge-without-an-api-key')

export default {
  '@paddle/paddle-node-sdk': (c, body) =>
    paddle.webhooks.isSignatureValid(body.toString('utf8'), c.secret, header(c.headers, 'Paddle-Signature') ?? ''),
}
