// The documented bundle format (assets/sync/bundle.schema.json) matches what tousu writes: the
// example under assets/ and a fresh export by tousu-cli validate; broken variants do not. The same
// for the envelope of encrypted bundles (assets/sync/sealed.schema.json). And the schemas refuse what
// the desk refuses: the shared samples of tests/samples/refused.json (the desk's side is
// tests/unit/app/incoming_bundle_test.cpp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.TOUSU_CLI || path.join(root, 'build/native/tousu-cli');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'assets/sync/bundle.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const validateSealed = new Ajv({ allErrors: true })
  .compile(JSON.parse(fs.readFileSync(path.join(root, 'assets/sync/sealed.schema.json'), 'utf8')));
const example = JSON.parse(fs.readFileSync(path.join(root, 'assets/sync/example-bundle.json'), 'utf8'));

test('the example bundle under assets/ follows the schema and holds complaints', () => {
  assert.ok(validate(example), JSON.stringify(validate.errors));
  assert.equal(example.count, example.events.length);
  assert.ok(example.events.some((e) => e.type === 'register'));
});

test('a bundle freshly exported by tousu-cli follows the schema', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-schema-'));
  try {
    const db = path.join(dir, 'a.db');
    const out = path.join(dir, 'a.json');
    execFileSync(cli, ['init', db, '--office', 'GZ01']);
    execFileSync(cli, ['generate', db, '--cases', '30', '--seed', '11', '--start', '2026-10-01', '--days', '20']);
    execFileSync(cli, ['export', db, out]);
    const bundle = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.ok(validate(bundle), JSON.stringify(validate.errors));
    assert.ok(new Set(bundle.events.map((e) => e.type)).size > 10, 'many kinds of events travelled');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const samples = path.join(root, 'tests/samples');
const index = JSON.parse(fs.readFileSync(path.join(samples, 'refused.json'), 'utf8'));
const judge = { bundle: validate, sealed: validateSealed };

test('the refused samples\' bases follow the schemas, so each sample differs by its one wrong thing', () => {
  const base = JSON.parse(fs.readFileSync(path.join(samples, index.base), 'utf8'));
  assert.ok(validate(base), JSON.stringify(validate.errors));
  const sealed = JSON.parse(fs.readFileSync(path.join(samples, index.base_sealed), 'utf8'));
  assert.ok(validateSealed(sealed), JSON.stringify(validateSealed.errors));
});

// What some tousu version legitimately wrote (an old policy name, masked or landline phones, a long
// office name, reference data of every type): the schema accepts it, as the desk does.
test('the accepted samples follow the schema', () => {
  assert.ok(index.accepted.length >= 8);
  for (const sample of index.accepted) {
    const bundle = JSON.parse(fs.readFileSync(path.join(samples, sample.file), 'utf8'));
    assert.ok(validate(bundle), `${sample.file} (${sample.what}): ${JSON.stringify(validate.errors)}`);
  }
});

// Each sample is refused by its schema, or marked as one a schema cannot judge — and then the schema
// must accept it (the mark is checked, not trusted), or as not JSON at all.
test('every refused sample the desk refuses, the schemas refuse, or it is marked as beyond a schema', () => {
  assert.ok(index.samples.length >= 30);
  for (const sample of index.samples) {
    const text = fs.readFileSync(path.join(samples, sample.file), 'utf8');
    const what = `${sample.file} (${sample.wrong}, ${sample.error})`;
    if (sample.schema === 'not JSON') {
      assert.throws(() => JSON.parse(text), SyntaxError, what);
      continue;
    }
    const valid = judge[sample.kind](JSON.parse(text));
    if (sample.schema === 'refuses') {
      assert.equal(valid, false, `the schema accepts ${what}`);
    } else if (sample.schema.startsWith('cannot judge: ')) {
      const errors = JSON.stringify(judge[sample.kind].errors);
      assert.equal(valid, true, `${what} is marked "${sample.schema}" but the schema refuses it: ${errors}`);
    } else {
      assert.fail(`${what}: unknown mark ${sample.schema}`);
    }
  }
});

test('the schema rejects what the reader rejects: unknown types, non-string payloads, newer versions', () => {
  const broken = (change) => {
    const b = structuredClone(example);
    change(b);
    return validate(b);
  };
  assert.equal(broken((b) => { b.events[0].type = 'teleport'; }), false);
  assert.equal(broken((b) => { b.events[0].payload.id = 7; }), false);
  assert.equal(broken((b) => { b.version = 3; }), false);
  assert.equal(broken((b) => { delete b.sha256; }), false);
  assert.equal(broken((b) => { b.events[0].hlc = 'yesterday'; }), false);
});

// Opens a sealed envelope with node's own WebCrypto: a third implementation, besides OpenSSL and Chromium's.
async function open(envelope, passphrase) {
  const { subtle } = globalThis.crypto;
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: Buffer.from(envelope.kdf.salt, 'base64'), iterations: envelope.kdf.iterations },
    material, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
  const iv = Buffer.from(envelope.cipher.iv, 'base64');
  return new TextDecoder().decode(await subtle.decrypt({ name: 'AES-GCM', iv }, key, Buffer.from(envelope.data, 'base64')));
}

test('a masked, encrypted export by tousu-cli follows the envelope schema and, opened, the bundle schema', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-schema-'));
  try {
    const db = path.join(dir, 'a.db');
    const sealed = path.join(dir, 'sealed.json');
    const env = { ...process.env, TOUSU_PASSPHRASE: 'schema test passphrase' };
    execFileSync(cli, ['init', db, '--office', 'GZ01']);
    execFileSync(cli, ['generate', db, '--cases', '10', '--seed', '12', '--start', '2026-10-01', '--days', '5']);
    execFileSync(cli, ['export', db, sealed, '--mask', '--encrypt'], { env });
    const envelope = JSON.parse(fs.readFileSync(sealed, 'utf8'));
    assert.ok(validateSealed(envelope), JSON.stringify(validateSealed.errors));
    assert.equal(Buffer.from(envelope.kdf.salt, 'base64').length, 16);
    assert.equal(validateSealed({ ...envelope, version: 2 }), false);
    assert.equal(validateSealed({ ...envelope, cipher: { ...envelope.cipher, name: 'AES-CBC' } }), false);

    const bundle = JSON.parse(await open(envelope, 'schema test passphrase'));
    assert.ok(validate(bundle), JSON.stringify(validate.errors));
    assert.equal(bundle.masked, true);
    const phones = bundle.events.filter((e) => e.type === 'register').map((e) => e.payload.phone).filter(Boolean);
    assert.ok(phones.length > 0 && phones.every((p) => /^\d{3}\*{4}\d{4}$/.test(p)), phones.join(' '));
    await assert.rejects(open(envelope, 'schema test passphrasE'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
