-- The SQL engine peer comparison (shell/bench.sh): the app's own query shapes, run unchanged by our
-- wasm build (bench_sql) and by sql.js (peer_sqljs.mjs) on the same database file loaded into memory.
-- One query per line: NAME<TAB>SQL. Every row of the result is read. The SETUP line runs once
-- first, on both engines: the connection settings the app uses (src/store/database.cpp).
SETUP	PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536
list_first_page	SELECT id, number, state, channel, category, customer_name, phone, department, person, received_at, next_due FROM cases ORDER BY received_at DESC, rowid DESC LIMIT 100
list_deep_by_due	SELECT id, number, state, category, customer_name, received_at, next_due FROM cases ORDER BY next_due ASC, received_at ASC, rowid ASC LIMIT 100 OFFSET 5000
list_billing_by_due	SELECT id, number, state, customer_name, received_at, next_due FROM cases WHERE category = 'billing' ORDER BY next_due ASC, received_at ASC, rowid ASC LIMIT 100 OFFSET 1000
count_by_state	SELECT state, count(*) FROM cases GROUP BY 1 ORDER BY 1
kpi_rows	SELECT category, channel, department, person, state, outcome, next_due, received_at, resolved_at, rating, repeat_of <> '', sub_type, customer_key, phone, rowid FROM cases
like_scan	SELECT count(*) FROM cases WHERE content LIKE '%断网%' OR customer_name LIKE '%断网%'
fts_trigram	SELECT count(*) FROM cases WHERE rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH '"宽带经常"')
events_per_type	SELECT type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC
case_timeline	SELECT e.type, e.hlc, e.actor FROM events e JOIN cases c ON c.id = e.case_id WHERE c.rowid % 997 = 1 ORDER BY e.case_id, e.seq
