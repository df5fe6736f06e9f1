// Live sync through CouchDB (pouchdb-server here): tousu-cli replicate between databases and a
// server, documents changed on the server, and a connection cut in the middle of answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoDir } from './browser.js';
import { runCli, runCliAsync, runCliFailing } from './cli.js';
import { startCouch, startCuttingProxy } from './couch_server.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-couch-'));
let couch;
before(async () => { couch = await startCouch(); });
after(async () => { await couch.stop(); fs.rmSync(tmp, { recursive: true, force: true }); });

let dbCount = 0;
async function newServerDatabase() {
  const name = `office${++dbCount}`;
  assert.equal((await couch.request('PUT', name)).status, 201);
  return name;
}

function office(name, cases, seed) {
  const db = path.join(tmp, `${name}.db`);
  runCli(['init', db, '--office', 'BJ01']);
  if (cases) runCli(['generate', db, '--cases', String(cases), '--seed', String(seed)]);
  return db;
}

const digest = (db) => runCli(['digest', db]).digest;
const eventCount = async (name) => (await couch.request('GET', name)).body.doc_count;

test('two desks converge through the server, and a second run sends and receives nothing new', async () => {
  const name = await newServerDatabase();
  const url = `${couch.url}/${name}`;
  const a = office('a', 60, 1);
  const b = office('b', 40, 2);
  const first = runCli(['replicate', a, url]);
  assert.ok(first.sent > 60 * 3, `a sent ${first.sent}`);
  assert.equal(first.received, 0);
  const second = runCli(['replicate', b, url]);
  assert.equal(second.received, first.sent);
  runCli(['replicate', a, url]);
  assert.equal(digest(a), digest(b));
  assert.equal(await eventCount(name), first.sent + second.sent);
  const again = runCli(['replicate', a, url]);
  assert.deepEqual([again.sent, again.received, again.pending_upload], [0, 0, 0]);
  assert.deepEqual(runCli(['verify', b]).problems ?? [], []);
});

test('push only and pull only each do their half', async () => {
  const name = await newServerDatabase();
  const url = `${couch.url}/${name}`;
  const a = office('push-a', 10, 3);
  const b = office('pull-b', 0, 0);
  assert.equal(runCli(['replicate', a, url, '--pull']).sent, 0);
  assert.equal(await eventCount(name), 0);
  const pushed = runCli(['replicate', a, url, '--push']);
  assert.equal(await eventCount(name), pushed.sent);
  const pulled = runCli(['replicate', b, url, '--pull']);
  assert.equal(pulled.sent, 0);
  assert.equal(pulled.pending_upload, 0, 'b recorded nothing: its defaults are every desk\'s, never sent');
  assert.equal(pulled.received, pushed.sent);
});

test('an event changed on the server is refused: nothing of its batch is applied and the error names it', async () => {
  const name = await newServerDatabase();
  const url = `${couch.url}/${name}`;
  const a = office('tamper-a', 5, 4);
  runCli(['replicate', a, url]);
  const { body } = await couch.request('GET', `${name}/_all_docs?include_docs=true&limit=50`);
  const victim = body.rows.map((r) => r.doc).find((d) => d.type === 'register');
  victim.payload.customer_phone = '13900000000';
  assert.equal((await couch.request('PUT', `${name}/${victim._id}`, victim)).status, 201); // a new revision
  const b = office('tamper-b', 0, 0);
  const before = digest(b);
  const failed = runCliFailing(['replicate', b, url]);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /error\.couch_document/);
  assert.match(failed.stderr, new RegExp(victim._id));
  assert.match(failed.stderr, /changed on the server/);
  assert.equal(digest(b), before, 'nothing of the batch was applied');
});

test('a connection cut in the middle of answers is retried: the desks converge, with every event once', async () => {
  const name = await newServerDatabase();
  // Kept-alive connections carry many answers: each is cut after 2 KB, 8 KB, 32 KB … of them.
  const proxy = await startCuttingProxy(couch.url, (n) => 2000 * 4 ** n);
  try {
    const url = `${proxy.url}/${name}`;
    const a = office('cut-a', 80, 5);
    const b = office('cut-b', 30, 6);
    const sentA = (await runCliAsync(['replicate', a, url])).sent;
    const sentB = (await runCliAsync(['replicate', b, url])).sent;
    await runCliAsync(['replicate', a, url]);
    assert.ok(proxy.stats.cuts >= 3, `${proxy.stats.cuts} connections cut`);
    assert.equal(digest(a), digest(b));
    assert.equal(await eventCount(name), sentA + sentB);
  } finally {
    await proxy.stop();
  }
});

test('the design document refuses on the server what a desk would never write, and takes what it writes', async () => {
  const name = await newServerDatabase();
  const validate = fs.readFileSync(path.join(repoDir, 'assets/couchdb/validate_doc_update.js'), 'utf8');
  assert.equal((await couch.request('PUT', `${name}/_design/tousu`, { validate_doc_update: validate })).status, 201);
  const a = office('validated', 5, 7);
  const sent = runCli(['replicate', a, `${couch.url}/${name}`]).sent;
  assert.equal(await eventCount(name), sent + 1); // every event, and the design document
  const { body } = await couch.request('GET', `${name}/_all_docs?include_docs=true&limit=60`);
  const event = body.rows.map((r) => r.doc).find((d) => d.type === 'register');
  const { _rev: rev, _id: id, ...fresh } = event; // fresh: the body alone, for new ids
  const refusedBy = async (method, p, doc) => {
    const answer = await couch.request(method, p, doc);
    return answer.status === 403 && answer.body.error === 'forbidden' ? answer.body.reason : `HTTP ${answer.status}`;
  };
  const bulk = async (doc) => (await couch.request('POST', `${name}/_bulk_docs`, { docs: [doc], new_edits: false })).body;
  assert.match(await refusedBy('PUT', `${name}/${id}`, { ...event, payload: { ...event.payload, content: '改' } }),
    /never changed/);
  assert.match(await refusedBy('DELETE', `${name}/${id}?rev=${rev}`), /never deleted/);
  assert.match(await refusedBy('POST', name, { name: '不是事件' }), /not a tousu event/);
  assert.match(await refusedBy('PUT', `${name}/x1`, { ...fresh, format: 'other' }), /not a tousu event/);
  assert.match(await refusedBy('PUT', `${name}/x2`, fresh), /revision/); // a server-made revision
  const extra = await bulk({ ...fresh, _id: 'x3', _rev: rev, note: 'x' });
  assert.match(JSON.stringify(extra), /unknown field note/);
  const badStamp = await bulk({ ...fresh, _id: 'x4', _rev: rev, hlc: '9999' });
  assert.match(JSON.stringify(badStamp), /tousu stamps/);
  const noCase = await bulk({ ...fresh, _id: 'x5', _rev: rev, case: '' });
  assert.match(JSON.stringify(noCase), /reference data has no case/);
  assert.equal(await eventCount(name), sent + 1, 'nothing refused was stored');
  assert.equal(runCli(['replicate', a, `${couch.url}/${name}`]).sent, 0);
});

test('couchdb-setup opens the database to the office and its staff, and each person writes only as themselves within their role', async () => {
  const server = await startCouch(); // its own: an administrator ends the admin party the other tests use
  try {
    assert.equal((await server.request('PUT', '_config/admins/root', 'root secret')).status, 200);
    const secret = (name, text) => { const f = path.join(tmp, name); fs.writeFileSync(f, `${text}\n`); return f; };
    const rootPassword = secret('root.pw', 'root secret');
    const agentPassword = secret('s01.pw', 'agent pass');
    const staffPasswords = secret('staff.pw', '# staff passwords\ns01 agent pass\ns09\tsupervisor pass');
    const url = `${server.url}/tousu-bj`;
    const a = office('setup-a', 20, 5);
    const setup = ['couchdb-setup', a, url, '--admin-user', 'root', '--password-file', rootPassword, '--passwords', staffPasswords];
    const first = runCli(setup);
    assert.deepEqual([first.design_document, first.member_role, first.users_created, first.users_updated],
      ['installed', 'office:BJ01', 2, 0]);
    assert.ok(first.without_password.includes('s10') && !first.without_password.includes('s01'));
    const again = runCli(setup);
    assert.deepEqual([again.design_document, again.users_created, again.users_updated], ['unchanged', 0, 2]);

    const as = (user, password) => async (method, p, body) => {
      const res = await fetch(`${server.url}/${p}`, {
        method, body: body === undefined ? undefined : JSON.stringify(body),
        headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
      });
      return { status: res.status, body: await res.json() };
    };
    const root = as('root', 'root secret');
    const agent = as('s01', 'agent pass');
    assert.deepEqual((await root('GET', '_users/org.couchdb.user:s01')).body.roles, ['office:BJ01', 'role:agent']);
    assert.deepEqual((await root('GET', 'tousu-bj/_security')).body.members.roles, ['office:BJ01']);
    assert.equal((await fetch(`${url}`)).status, 401, 'nobody signed in reads nothing');
    assert.equal((await as('s01', 'wrong')('GET', 'tousu-bj')).status, 401);

    // An agent may not send what others recorded; the server's administrator loads the whole office.
    const refused = runCliFailing(['replicate', a, url, '--user', 's01', '--password-file', agentPassword]);
    assert.match(refused.stderr, /recorded by s\d+, not by the signed-in s01|agent may not/);
    const loaded = runCli(['replicate', a, url, '--user', 'root', '--password-file', rootPassword]);
    assert.ok(loaded.sent > 0);
    // (_bulk_docs takes each document on its own: the agent's own events went up in the refused run.)
    const stored = (await root('GET', 'tousu-bj')).body.doc_count - 1; // but the design document
    assert.ok(stored > 20 * 3 && stored > loaded.sent, `${stored} events, ${loaded.sent} sent by root`);

    // A new desk of the office: the agent receives everything, registers, and what they recorded goes up.
    const b = office('setup-b', 0, 0);
    assert.equal(runCli(['replicate', b, url, '--user', 's01', '--password-file', agentPassword]).received, stored);
    runCli(['generate', b, '--cases', '3', '--seed', '9', '--registrations-only']);
    assert.equal(runCli(['replicate', b, url, '--user', 's01', '--password-file', agentPassword]).sent, 3);
    runCli(['replicate', a, url, '--user', 'root', '--password-file', rootPassword]);
    assert.equal(digest(a), digest(b));

    // What the server refuses from the agent, whatever a desk would do.
    const { body } = await root('GET', 'tousu-bj/_all_docs?include_docs=true');
    const own = body.rows.map((r) => r.doc).find((d) => d.type === 'register' && d.actor === 's01');
    const { _id: ownId, _rev: rev, ...event } = own; // the body alone, under new ids below
    assert.ok(ownId);
    const reasonOf = async (doc) => {
      const answer = await agent('POST', 'tousu-bj/_bulk_docs', { docs: [{ _rev: rev, ...doc }], new_edits: false });
      return JSON.stringify(answer.body);
    };
    assert.match(await reasonOf({ ...event, _id: 'as-supervisor', actor: 's09' }), /recorded by s09, not by the signed-in s01/);
    assert.match(await reasonOf({ ...event, _id: 'beyond-role', type: 'reopen' }), /agent may not reopen/);
    assert.match(await reasonOf({ ...event, _id: 'own-staff', type: 'ref.staff', case: '' }), /may not change reference data/);
    assert.equal((await root('GET', 'tousu-bj')).body.doc_count, stored + 3 + 1, 'nothing refused was stored');
  } finally {
    await server.stop();
  }
});
