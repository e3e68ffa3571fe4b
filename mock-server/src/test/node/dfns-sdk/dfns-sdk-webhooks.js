'use strict';
// Drives every webhook call of the official Dfns SDK (@dfns/sdk, signing with @dfns/sdk-keysigner)
// against a running Hookcheck sandbox, as a new user would: create (the secret appears once), get,
// list with paging, update, ping (a signed delivery reaches a local receiver and verifies), list and
// get webhook events, delete, and the errors (unknown id, bad token, a reused or misdirected user
// action token, a route the mock does not have) as DfnsError with the mock's message.
//
//   HOOKCHECK_URL=http://localhost:8080 node dfns-sdk-webhooks.js
//
// The client is set up from DFNS_AUTH_TOKEN, DFNS_CRED_ID and DFNS_PRIVATE_KEY when they are set (what
// `hookcheck serve` prints); otherwise from the sandbox's own signer, read from the admin API.
// Exit 0 when every check passed; the last line is a JSON summary (checks, SDK calls per method).

const crypto = require('node:crypto');
const http = require('node:http');
const assert = require('node:assert/strict');
const { DfnsApiClient, DfnsError } = require('@dfns/sdk');
const { AsymmetricKeySigner } = require('@dfns/sdk-keysigner');
const { simpleFetch } = require('@dfns/sdk/utils/fetch');

const baseUrl = (process.env.HOOKCHECK_URL || 'http://localhost:8080').replace(/\/$/, '');
const sdkCalls = {};
let checks = 0;
let failed = 0;

/** One SDK call, counted by method name. */
async function sdk(name, call) {
  sdkCalls[name] = (sdkCalls[name] || 0) + 1;
  return call();
}

async function check(title, body) {
  try {
    await body();
    checks++;
    console.log(`ok   ${title}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${title}: ${e && e.stack ? e.stack : e}`);
    if (e instanceof DfnsError) {
      console.log(`     DfnsError httpStatus=${e.httpStatus} body=${JSON.stringify(e.context && e.context.body)}`);
    }
  }
}

/** The DfnsError a call must fail with. */
async function dfnsError(call) {
  try {
    await call();
  } catch (e) {
    assert.ok(e instanceof DfnsError, `expected a DfnsError, got ${e}`);
    return e;
  }
  assert.fail('expected a DfnsError, the call succeeded');
}

async function admin(method, path, body) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

/** What the client needs: the Bearer token, and a key credential of the same organization. */
async function clientSetup() {
  if (process.env.DFNS_AUTH_TOKEN && process.env.DFNS_CRED_ID && process.env.DFNS_PRIVATE_KEY) {
    return {
      authToken: process.env.DFNS_AUTH_TOKEN,
      credId: process.env.DFNS_CRED_ID,
      privateKey: process.env.DFNS_PRIVATE_KEY,
    };
  }
  // against a running sandbox: a signer and a key of its default organization, made for this run (lists never
  // show a private key or a whole API key; the answers that make them do, once)
  const signer = await admin('POST', '/__admin/credentials', { profile: 'dfns' });
  const key = await admin('POST', '/__admin/api-keys', { profile: 'dfns', organizationId: signer.organizationId });
  return { authToken: key.key, credId: signer.id, privateKey: signer.privateKey };
}

/** A local receiver that answers 200 and keeps every request, raw body included. */
function startReceiver() {
  const requests = [];
  const waiting = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const request = { path: req.url, headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(request);
      waiting.splice(0).forEach((w) => w());
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: (path) => `http://127.0.0.1:${server.address().port}${path}`,
    /** The first request to `path` whose JSON body passes `matches`, waiting up to 15 s. */
    async take(path, matches) {
      const deadline = Date.now() + 15000;
      for (;;) {
        const found = requests.find((r) => r.path === path && matches(JSON.parse(r.body.toString('utf8'))));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no request to ${path} within 15 s; saw ${requests.length}`);
        await new Promise((r) => { waiting.push(r); setTimeout(r, 200); });
      }
    },
    close: () => new Promise((r) => server.close(r)),
  })));
}

/** X-DFNS-WEBHOOK-SIGNATURE: sha256=<hex HMAC-SHA256 of the raw body, keyed with the secret>. */
function assertSigned(request, secret) {
  const header = request.headers['x-dfns-webhook-signature'];
  assert.match(header, /^sha256=[0-9a-f]{64}$/);
  const expected = crypto.createHmac('sha256', secret).update(request.body).digest();
  assert.ok(crypto.timingSafeEqual(Buffer.from(header.slice(7), 'hex'), expected), 'the signature verifies with the secret');
}

/** Every item of a list, following nextPageToken; the pages seen. */
async function allPages(name, list) {
  const items = [];
  let pages = 0;
  let token;
  do {
    const page = await sdk(name, () => list(token));
    pages++;
    items.push(...page.items);
    token = page.nextPageToken;
  } while (token && pages < 100);
  return { items, pages };
}

async function main() {
  const setup = await clientSetup();
  const signer = new AsymmetricKeySigner({ credId: setup.credId, privateKey: setup.privateKey });
  const dfns = new DfnsApiClient({ baseUrl, authToken: setup.authToken, signer });
  const receiver = await startReceiver();
  const state = {};

  await check('listWebhooks answers the organization\'s webhooks', async () => {
    const list = await sdk('listWebhooks', () => dfns.webhooks.listWebhooks({}));
    assert.ok(Array.isArray(list.items));
    state.before = list.items.map((w) => w.id);
  });

  await check('createWebhook answers the webhook with its secret, once', async () => {
    const a = await sdk('createWebhook', () => dfns.webhooks.createWebhook({
      body: { url: receiver.url('/dfns'), events: ['*'], description: 'SDK test A' },
    }));
    assert.match(a.id, /^wh-[a-z0-9]{5}-[a-z0-9]{5}-[a-z0-9]{14,16}$/);
    assert.equal(a.status, 'Enabled');
    assert.deepEqual(a.events, ['*']);
    assert.ok(typeof a.secret === 'string' && a.secret.length > 0, 'a secret');
    state.a = a;
    const b = await sdk('createWebhook', () => dfns.webhooks.createWebhook({
      body: { url: receiver.url('/other'), events: ['wallet.created'], status: 'Disabled' },
    }));
    assert.equal(b.status, 'Disabled');
    state.b = b;
  });

  await check('getWebhook answers the webhook without its secret', async () => {
    const a = await sdk('getWebhook', () => dfns.webhooks.getWebhook({ webhookId: state.a.id }));
    assert.equal(a.id, state.a.id);
    assert.equal(a.url, receiver.url('/dfns'));
    assert.equal(a.description, 'SDK test A');
    assert.equal(a.secret, undefined);
  });

  await check('listWebhooks pages with nextPageToken, every webhook once, no secrets', async () => {
    const paged = await allPages('listWebhooks', (paginationToken) =>
      dfns.webhooks.listWebhooks({ query: { limit: 2, paginationToken } }));
    const ids = paged.items.map((w) => w.id);
    assert.ok(paged.pages >= 2, `${paged.pages} page(s)`);
    assert.equal(new Set(ids).size, ids.length, 'no webhook twice');
    assert.deepEqual([...ids].sort(), [...state.before, state.a.id, state.b.id].sort());
    assert.ok(paged.items.every((w) => w.secret === undefined));
  });

  await check('updateWebhook changes what it is given', async () => {
    const a = await sdk('updateWebhook', () => dfns.webhooks.updateWebhook({
      webhookId: state.a.id, body: { description: 'SDK test A, renamed' },
    }));
    assert.equal(a.description, 'SDK test A, renamed');
    assert.equal(a.url, receiver.url('/dfns'));
    assert.ok(a.dateUpdated >= a.dateCreated);
  });

  await check('pingWebhook delivers a signed test event that verifies with the secret', async () => {
    const ping = await sdk('pingWebhook', () => dfns.webhooks.pingWebhook({ webhookId: state.a.id }));
    assert.deepEqual(ping, { status: '200' });
    const request = await receiver.take('/dfns', () => true);
    assertSigned(request, state.a.secret);
    const body = JSON.parse(request.body.toString('utf8'));
    assert.equal(typeof body.kind, 'string');
    assert.equal(typeof body.timestampSent, 'number');
    state.pingId = body.id;
  });

  await check('listWebhookEvents does not list the ping (Dfns keeps no trace of it)', async () => {
    const events = await sdk('listWebhookEvents', () => dfns.webhooks.listWebhookEvents({ webhookId: state.a.id }));
    assert.deepEqual(events.items.map((e) => e.id).filter((id) => id === state.pingId), []);
  });

  await check('an event delivered to the webhook is listed and read back with listWebhookEvents and getWebhookEvent', async () => {
    // something happens in the organization: the sandbox's admin API stands in for a wallet being created
    const { organizationId } = await admin('GET', `/__admin/endpoints/${state.a.id}`);
    const created = await admin('POST', '/__admin/events', { profile: 'dfns', type: 'wallet.created', organizationId });
    const request = await receiver.take('/dfns', (body) => body.kind === 'wallet.created');
    assertSigned(request, state.a.secret);
    await admin('GET', `/__admin/deliveries/await?endpointId=${state.a.id}&eventId=${created.id}&status=delivered&count=1`);
    const delivered = JSON.parse(request.body.toString('utf8'));
    const events = await sdk('listWebhookEvents', () => dfns.webhooks.listWebhookEvents({ webhookId: state.a.id }));
    const listed = events.items.find((e) => e.id === delivered.id);
    assert.ok(listed, `event ${delivered.id} among ${events.items.map((e) => e.id)}`);
    assert.equal(listed.kind, 'wallet.created');
    assert.equal(listed.status, '200');
    assert.equal(listed.deliveryFailed, false);
    const read = await sdk('getWebhookEvent', () => dfns.webhooks.getWebhookEvent({
      webhookId: state.a.id, webhookEventId: delivered.id,
    }));
    assert.equal(read.id, delivered.id);
    assert.deepEqual(read.data, delivered.data);
    assert.equal(read.timestampSent, delivered.timestampSent);
  });

  await check('listWebhookEvents pages a seeded webhook\'s history with nextPageToken', async () => {
    const seeded = state.before[0];
    const first = await sdk('listWebhookEvents', () => dfns.webhooks.listWebhookEvents({
      webhookId: seeded, query: { limit: 3 },
    }));
    assert.equal(first.items.length, 3);
    assert.ok(first.nextPageToken, 'a next page');
    const second = await sdk('listWebhookEvents', () => dfns.webhooks.listWebhookEvents({
      webhookId: seeded, query: { limit: 3, paginationToken: first.nextPageToken },
    }));
    const ids = [...first.items, ...second.items].map((e) => e.id);
    assert.ok(second.items.length > 0);
    assert.equal(new Set(ids).size, ids.length, 'no event on both pages');
    const one = await sdk('getWebhookEvent', () => dfns.webhooks.getWebhookEvent({
      webhookId: seeded, webhookEventId: second.items[0].id,
    }));
    assert.deepEqual(one, second.items[0]);
  });

  await check('an unknown webhook is a DfnsError 404 with the mock\'s message', async () => {
    const e = await dfnsError(() => sdk('getWebhook', () =>
      dfns.webhooks.getWebhook({ webhookId: 'wh-aaaaa-bbbbb-cccccccccccccccc' })));
    assert.equal(e.httpStatus, 404);
    assert.equal(e.message, 'Webhook wh-aaaaa-bbbbb-cccccccccccccccc not found');
  });

  await check('a wrong Bearer token is a DfnsError 401, on reads and on writes', async () => {
    const stranger = new DfnsApiClient({ baseUrl, authToken: 'not-a-token', signer });
    const read = await dfnsError(() => sdk('listWebhooks', () => stranger.webhooks.listWebhooks({})));
    assert.equal(read.httpStatus, 401);
    assert.equal(read.message, 'Not Authorized.');
    const write = await dfnsError(() => sdk('deleteWebhook', () => stranger.webhooks.deleteWebhook({ webhookId: state.a.id })));
    assert.equal(write.httpStatus, 401);
    assert.equal(write.message, 'Not Authorized.');
  });

  /** A user action token for one request, through the SDK's auth client and signer. */
  async function userAction(method, path, body) {
    const challenge = await sdk('auth.createUserActionChallenge', () => dfns.auth.createUserActionChallenge({
      body: { userActionPayload: body, userActionHttpMethod: method, userActionHttpPath: path, userActionServerKind: 'Api' },
    }));
    const firstFactor = await signer.sign(challenge);
    const signed = await sdk('auth.createUserActionSignature', () => dfns.auth.createUserActionSignature({
      body: { challengeIdentifier: challenge.challengeIdentifier, firstFactor },
    }));
    return signed.userAction;
  }

  /** The SDK's own fetch (its errors are DfnsErrors), with a user action of one's choosing. */
  function withUserAction(token, method, path, body) {
    return sdk('utils.simpleFetch', () => simpleFetch(path, {
      method, body, headers: { 'x-dfns-useraction': token }, apiOptions: { baseUrl, authToken: setup.authToken },
    })).then((r) => r.json());
  }

  await check('a user action token is accepted once; reused, it is a DfnsError 401', async () => {
    const path = `/webhooks/${state.b.id}`;
    const body = { description: 'changed with a hand-made user action' };
    const token = await userAction('PUT', path, JSON.stringify(body));
    const updated = await withUserAction(token, 'PUT', path, body);
    assert.equal(updated.description, body.description);
    const e = await dfnsError(() => withUserAction(token, 'PUT', path, body));
    assert.equal(e.httpStatus, 401);
    assert.match(e.message, /used already/);
  });

  await check('a user action token signed for another request is a DfnsError 403', async () => {
    const path = `/webhooks/${state.b.id}`;
    const token = await userAction('PUT', path, JSON.stringify({ description: 'x' }));
    const e = await dfnsError(() => withUserAction(token, 'DELETE', path, {}));
    assert.equal(e.httpStatus, 403);
    assert.match(e.message, /signed for PUT \/webhooks\//);
  });

  await check('a signer whose credential the organization does not have is stopped by the SDK', async () => {
    const other = new DfnsApiClient({
      baseUrl, authToken: setup.authToken,
      signer: new AsymmetricKeySigner({ credId: 'not-registered', privateKey: setup.privateKey }),
    });
    const e = await dfnsError(() => sdk('deleteWebhook', () => other.webhooks.deleteWebhook({ webhookId: state.a.id })));
    assert.match(e.message, /does not match allowed credentials: .*\b/);
  });

  await check('deleteWebhook deletes; the webhook is gone', async () => {
    for (const webhook of [state.a, state.b]) {
      const deleted = await sdk('deleteWebhook', () => dfns.webhooks.deleteWebhook({ webhookId: webhook.id }));
      assert.deepEqual(deleted, { deleted: true });
    }
    const e = await dfnsError(() => sdk('getWebhook', () => dfns.webhooks.getWebhook({ webhookId: state.a.id })));
    assert.equal(e.httpStatus, 404);
    const list = await sdk('listWebhooks', () => dfns.webhooks.listWebhooks({}));
    assert.deepEqual(list.items.map((w) => w.id).sort(), [...state.before].sort());
  });

  await check('an endpoint of the Dfns API the mock does not have is a DfnsError 404 in Dfns\'s shape', async () => {
    const e = await dfnsError(() => sdk('wallets.listWallets', () => dfns.wallets.listWallets({})));
    assert.equal(e.httpStatus, 404);
    assert.equal(e.message, 'no route GET /wallets');
  });

  await receiver.close();
  const total = Object.values(sdkCalls).reduce((a, b) => a + b, 0);
  console.log(`dfns-sdk: ${checks} checks ok, ${failed} failed; ${total} SDK calls`);
  console.log(JSON.stringify({ checks, failed, sdkCalls: total, byMethod: sdkCalls }));
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((e) => {
  console.log(`FAIL the script itself: ${e && e.stack ? e.stack : e}`);
  process.exitCode = 1;
});
