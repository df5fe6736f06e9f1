#!/usr/bin/env node
// The peer of bench_sql: the same queries file on the same database file through sql.js (npm),
// loaded into memory, with the same SETUP, warm-up run and JSON lines (tagged "sql.js" by shell/bench.sh).
// usage: node tests/bench/peer_sqljs.mjs DB CASES QUERIES RUNS
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, 'peer/package.json'));
const initSqlJs = require('sql.js');

const [dbPath, casesArg, queriesPath, runsArg] = process.argv.slice(2);
if (!runsArg) {
  console.error('usage: node tests/bench/peer_sqljs.mjs DB CASES QUERIES RUNS');
  process.exit(2);
}
const cases = Number(casesArg), runs = Number(runsArg);
const SQL = await initSqlJs();
const db = new SQL.Database(fs.readFileSync(dbPath));
for (const line of fs.readFileSync(queriesPath, 'utf8').split('\n')) {
  const tab = line.indexOf('\t');
  if (!line || line.startsWith('--') || tab < 0) continue;
  const name = line.slice(0, tab), sql = line.slice(tab + 1);
  if (name === 'SETUP') {
    db.exec(sql);
    continue;
  }
  const ms = [];
  let rows = 0, error = null;
  for (let i = -1; i < runs && !error; ++i) {   // run -1 warms up, unmeasured
    const start = performance.now();
    try {
      const s = db.prepare(sql);
      rows = 0;
      while (s.step()) ++rows;
      s.free();
    } catch (e) {
      error = String(e.message || e);
    }
    if (i >= 0) ms.push(performance.now() - start);
  }
  if (error) {
    console.log(JSON.stringify({ op: `sql_${name}`, cases, error }));
    continue;
  }
  ms.sort((a, b) => a - b);
  console.log(JSON.stringify({ op: `sql_${name}`, cases, median_ms: ms[ms.length >> 1], min_ms: ms[0], max_ms: ms.at(-1), runs, rows,
    samples_ms: ms }));
}
db.close();
