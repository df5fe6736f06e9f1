// pouchdb-server (CouchDB's HTTP API, in memory) for the sync tests, on a free loopback port, and a
// TCP proxy in front of a server that can cut connections midway. Both stop with the test.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverBin = path.join(path.dirname(fileURLToPath(import.meta.url)), 'node_modules/pouchdb-server/bin/pouchdb-server');

const freePort = () => new Promise((resolve, reject) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  }).on('error', reject);
});

// Starts pouchdb-server and waits until it answers. `url` is the server's root, without a slash.
// `heapMb`: node's heap for the server, which holds every document in memory (benchmarks).
export async function startCouch({ heapMb = 0 } = {}) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tousu-pouchdb-')); // its config.json and log.txt
  const heap = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const child = spawn(process.execPath, [...heap, serverBin, '--in-memory', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; ++i) {
    try {
      if ((await fetch(url)).ok) break;
    } catch { /* not listening yet */ }
    if (child.exitCode !== null) throw new Error(`pouchdb-server ended: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const request = async (method, p, body) => {
    const send = () => fetch(`${url}/${p}`, {
      method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    // A kept-alive connection the server closed while idle (5 s) fails once: the request goes again.
    const res = await send().catch((e) => (e.cause?.code === 'UND_ERR_SOCKET' ? send() : Promise.reject(e)));
    return { status: res.status, body: await res.json() };
  };
  // CORS for a desk served from `origin`, with its cookies (CouchDB: [cors] in local.ini).
  const allowOrigin = async (origin) => {
    for (const [key, value] of [['httpd/enable_cors', 'true'], ['cors/origins', origin], ['cors/credentials', 'true'],
      ['cors/methods', 'GET, PUT, POST, HEAD, DELETE'], ['cors/headers', 'accept, authorization, content-type, origin']]) {
      await request('PUT', `_config/${key}`, value);
    }
  };
  return {
    url,
    request,
    allowOrigin,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => { fs.rmSync(dir, { recursive: true, force: true }); resolve(); });
      child.kill();
    }),
  };
}

// A proxy to `target` that lets `cut(n)` decide, for the n-th connection, after how many bytes (either
// way) to cut it (Infinity: never), and that can go offline. Counts connections and cuts.
export async function startCuttingProxy(targetUrl, cut) {
  const target = new URL(targetUrl);
  const stats = { connections: 0, cuts: 0 };
  const sockets = new Set();
  let offline = false;
  const server = net.createServer((client) => {
    const limit = offline ? 0 : cut(stats.connections++);
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let passed = 0; // bytes either way
    const forward = (from, to) => from.on('data', (d) => {
      if (passed + d.length > limit) {
        to.write(d.subarray(0, Math.max(0, limit - passed)));
        stats.cuts++;
        client.destroy();
        upstream.destroy();
        return;
      }
      passed += d.length;
      to.write(d);
    });
    forward(client, upstream);
    forward(upstream, client);
    for (const [a, b] of [[client, upstream], [upstream, client]]) {
      a.on('error', () => b.destroy());
      a.on('close', () => { b.destroy(); sockets.delete(a); });
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stats,
    // Offline: every open connection cut, new ones cut at once; back online with false.
    setOffline: (value) => {
      offline = value;
      if (value) for (const s of sockets) s.destroy();
    },
    stop: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(resolve); }),
  };
}
