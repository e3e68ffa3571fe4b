// Shopify: @shopify/shopify-api's webhooks.validate (web-api adapter, no network), which checks the
// X-Shopify-Hmac-SHA256 HMAC of the raw body first and then the headers every delivery carries (topic, shop
// domain, API version, webhook id). `hookcheck sign` prints the signature header alone, so for its output
// (no delivery URL) a verified HMAC with only those delivery headers missing counts as accepted.
import '@shopify/shopify-api/adapters/web-api'
import { shopifyApi, ApiVersion, LogSeverity } from '@shopify/shopify-api'

const api = (secret) => shopifyApi({
  apiKey: 'hookcheck-judge',
  apiSecretKey: secret,
  hostName: 'judge.example.com',
  apiVersion: ApiVersion.July25,
  isEmbeddedApp: false,
  logger: { level: LogSeverity.Error, log: () => {} },
})

export default {
  '@shopify/shopify-api': async (c, body) => {
    const rawRequest = new Request(c.url ?? 'https://judge.example.com/webhooks', {
      method: 'POST', headers: c.headers, body,
    })
    const result = await api(c.secret).webhooks.validate({ rawBody: body.toString('utf8'), rawRequest })
    if (result.valid) return true
    if (c.url === null && result.reason === 'missing_headers') return true
    throw new Error(`refused: ${result.reason}`)
  },
}
