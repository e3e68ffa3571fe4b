// GitHub: Octokit's verify over X-Hub-Signature-256.
import { verify } from '@octokit/webhooks-methods'
import { header } from '../headers.mjs'

export default {
  '@octokit/webhooks-methods': async (c, body) => {
    const ok = await verify(c.secret, body.toString('utf8'), header(c.headers, 'X-Hub-Signature-256') ?? '')
    if (!ok) throw new Error('signature does not match')
  },
}
