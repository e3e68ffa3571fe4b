// Verifies deliveries with the providers' own libraries: the judge of Hookcheck's signing.
//   node run.mjs cases.json   ->   one JSON line per case and library: {"id","library","accepted","error"}
// A case: {"id", "profile", "secret", "url", "now", "headers": {name: value}, "body": base64}; "now" (unix ms) is
// the instant the request arrived, and the libraries are run with the clock (Date) standing there, as a receiver
// would have run them then, however long the test took before judging. Each profile's judges
// are the default export of <profile>/judge.mjs ({library: (case, body) => …}, throwing or answering false to
// refuse), with the libraries pinned in <profile>/package.json. Exits 0 when every case was judged; the
// test that wrote the cases decides what each verdict should have been.
import { readFileSync } from 'node:fs'

const { cases } = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const judges = {}
for (const profile of new Set(cases.map((c) => c.profile))) {
  judges[profile] = (await import(`./${profile}/judge.mjs`)).default
}
const RealDate = Date
// Date as it reads at `ms`: new Date() and Date.now() answer that instant, everything else is the real Date.
const standingAt = (ms) => class extends RealDate {
  constructor(...args) {
    if (args.length === 0) {
      super(ms)
    } else {
      super(...args)
    }
  }

  static now() {
    return ms
  }
}
for (const c of cases) {
  const body = Buffer.from(c.body, 'base64')
  for (const [library, verify] of Object.entries(judges[c.profile])) {
    let accepted = true
    let error = null
    globalThis.Date = typeof c.now === 'number' ? standingAt(c.now) : RealDate
    try {
      accepted = (await verify(c, body)) !== false
    } catch (e) {
      accepted = false
      error = String(e && e.message ? e.message : e).slice(0, 200)
    } finally {
      globalThis.Date = RealDate
    }
    console.log(JSON.stringify({ id: c.id, library, accepted, error }))
  }
}
