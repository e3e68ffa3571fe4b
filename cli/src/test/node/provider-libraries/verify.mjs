// Verifies deliveries with the providers' own libraries: the judge of Hookcheck's signing.
//   node verify.mjs cases.json   ->   one JSON line per case and library: {"id","library","accepted","error"}
// A case: {"id", "profile", "secret", "headers": {name: value}, "body": base64}. Exits 0 when every case was
// judged (accepted or refused); the test that wrote the cases decides what each verdict should have been.
import { readFileSync } from 'node:fs'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import Stripe from 'stripe'
import { verify as verifyGitHub } from '@octokit/webhooks-methods'

const header = (headers, name) => {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : headers[key]
}

const stripe = new Stripe('sk_test_hookcheck')

// each profile's libraries; a library throws (or answers false) to refuse
const libraries = {
  standard: {
    standardwebhooks: (c, body) => new StandardWebhook(c.secret).verify(body, c.headers),
    svix: (c, body) => new SvixWebhook(c.secret).verify(body, c.headers),
  },
  stripe: {
    stripe: (c, body) => stripe.webhooks.constructEvent(body, header(c.headers, 'Stripe-Signature') ?? '', c.secret, 300),
  },
  github: {
    '@octokit/webhooks-methods': async (c, body) => {
      const ok = await verifyGitHub(c.secret, body.toString('utf8'), header(c.headers, 'X-Hub-Signature-256') ?? '')
      if (!ok) throw new Error('signature does not match')
    },
  },
}

const { cases } = JSON.parse(readFileSync(process.argv[2], 'utf8'))
for (const c of cases) {
  const body = Buffer.from(c.body, 'base64')
  for (const [library, verify] of Object.entries(libraries[c.profile] ?? {})) {
    let accepted = true
    let error = null
    try {
      await verify(c, body)
    } catch (e) {
      accepted = false
      error = String(e && e.message ? e.message : e).slice(0, 200)
    }
    console.log(JSON.stringify({ id: c.id, library, accepted, error }))
  }
}
