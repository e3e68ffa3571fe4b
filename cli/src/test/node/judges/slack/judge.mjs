// Slack: @slack/events-api's verifyRequestSignature over X-Slack-Signature and X-Slack-Request-Timestamp
// (it refuses a timestamp older than 5 minutes).
import events from '@slack/events-api'
import { header } from '../headers.mjs'

export default {
  '@slack/events-api': (c, body) => events.verifyRequestSignature({
    signingSecret: c.secret,
    requestSignature: header(c.headers, 'X-Slack-Signature') ?? '',
    requestTimestamp: Number(header(c.headers, 'X-Slack-Request-Timestamp')),
    body: body.toString('utf8'),
  }),
}
