// Verifies deliveries with the providers' own libraries: the judge of Hookcheck's signing.
//   node run.mjs cases.json   ->   one JSON line per case and library: {"id","library","accepted","error"}
// A case: {"id", "profile", "secret", "url", "headers": {name: value}, "body": base64}. Each profile's judges
// are the default export of <profile>/judge.mjs ({library: (case, body) => …}, throwing or answering false to
// refuse), with the libraries pinned in <profile>/package.json. Exits 0 when every case was judged; the
// test that wrote the cases decides what each verdict should have been.
import { readFileSync } from 'node:fs'

const { cases } = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const judges = {}
for (const profile of new Set(cases.map((c) => c.profile))) {
  judges[profile] = (await import(`./${profile}/judge.mjs`)).default
}
for (const c of cases) {
  const body = Buffer.from(c.body, 'base64')
  for (const [library, verify] of Object.entries(judges[c.profile])) {
    let accepted = true
    let error = null
    try {
      accepted = (await verify(c, body)) !== false
    } catch (e) {
      accepted = false
      error = String(e && e.message ? e.message : e).slice(0, 200)
    }
    console.log(JSON.stringify({ id: c.id, library, accepted, error }))
  }
}
