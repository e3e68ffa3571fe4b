// The README's example ("Using the Dfns SDK against the sandbox"), run as it is by DfnsSdkTest.
import { DfnsApiClient } from '@dfns/sdk'
import { AsymmetricKeySigner } from '@dfns/sdk-keysigner'

const dfns = new DfnsApiClient({
  baseUrl: process.env.HOOKCHECK_URL ?? 'http://localhost:8080', // the sandbox instead of Dfns
  authToken: process.env.DFNS_AUTH_TOKEN,                         // the dfns API key serve printed
  signer: new AsymmetricKeySigner({
    credId: process.env.DFNS_CRED_ID,                             // the credential id serve printed
    privateKey: process.env.DFNS_PRIVATE_KEY,                     // its private key, the PEM as printed
  }),
})

const webhook = await dfns.webhooks.createWebhook({ body: { url: 'http://localhost:3000/dfns', events: ['*'] } })
console.log(webhook.id, webhook.secret) // the only time the secret is shown: verify X-DFNS-WEBHOOK-SIGNATURE with it
console.log(await dfns.webhooks.pingWebhook({ webhookId: webhook.id })) // { status: '200' } once a receiver answers
await dfns.webhooks.deleteWebhook({ webhookId: webhook.id })
