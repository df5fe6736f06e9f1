#include "store/migrations.h"

namespace tousu::store {

namespace {

// Version 1: events are the truth; `cases`, `cases_fts` and the reference tables are projections
// rebuilt from them. Times are ms since the epoch (UTC); HLCs are fixed-width text that sorts.
constexpr Migration kMigrations[] = {
    {1, R"sql(
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        INSERT INTO meta(key, value) VALUES ('created_by', 'tousu');

        CREATE TABLE events (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            case_id TEXT NOT NULL,
            hlc TEXT NOT NULL,
            origin TEXT NOT NULL,
            actor TEXT NOT NULL,
            type TEXT NOT NULL,
            prev TEXT NOT NULL,
            payload TEXT NOT NULL
        ) STRICT;
        CREATE INDEX events_by_case ON events(case_id);   -- a case has tens of events: sorting them is cheap

        CREATE TABLE cases (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            number TEXT NOT NULL,
            state TEXT NOT NULL,
            channel TEXT NOT NULL,
            category TEXT NOT NULL,
            sub_type TEXT NOT NULL,
            importance TEXT NOT NULL,
            customer_name TEXT NOT NULL,
            phone TEXT NOT NULL,
            account TEXT NOT NULL,
            customer_key TEXT NOT NULL,
            content TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            department TEXT NOT NULL,
            person TEXT NOT NULL,
            expected_at INTEGER NOT NULL,
            next_due INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            paused INTEGER NOT NULL,
            resolved_at INTEGER NOT NULL,
            archived_at INTEGER NOT NULL,
            rating INTEGER NOT NULL,
            repeat_of TEXT NOT NULL,
            reopen_count INTEGER NOT NULL,
            escalation INTEGER NOT NULL,
            concurrent_edit INTEGER NOT NULL,
            event_count INTEGER NOT NULL,
            updated_hlc TEXT NOT NULL
        ) STRICT;
        CREATE INDEX cases_number ON cases(number);
        CREATE INDEX cases_state ON cases(state, received_at);
        CREATE INDEX cases_category ON cases(category, received_at);
        CREATE INDEX cases_department ON cases(department, received_at);
        CREATE INDEX cases_person ON cases(person, received_at);
        CREATE INDEX cases_due ON cases(next_due) WHERE next_due > 0;
        CREATE INDEX cases_received ON cases(received_at);
        CREATE INDEX cases_customer ON cases(customer_key, category, received_at);

        CREATE VIRTUAL TABLE cases_fts USING fts5(number, customer_name, phone, content, tokenize = 'trigram');

        CREATE TABLE departments (id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
                                  head TEXT NOT NULL, updated_hlc TEXT NOT NULL) STRICT;
        CREATE TABLE staff (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
                            department TEXT NOT NULL, updated_hlc TEXT NOT NULL) STRICT;
        CREATE TABLE sub_types (id TEXT PRIMARY KEY, category TEXT NOT NULL, name_zh TEXT NOT NULL,
                                name_en TEXT NOT NULL, updated_hlc TEXT NOT NULL) STRICT;
    )sql"},
    // Version 2: what each sync peer has already been sent (per-peer export watermarks).
    {2, R"sql(
        CREATE TABLE peers (name TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, updated_at INTEGER NOT NULL) STRICT;
    )sql"},
    // Version 3: deadline policies as versioned reference data (ref.policy events), one row per
    // category holding its latest version; cases keep the limits they were opened under.
    {3, R"sql(
        CREATE TABLE policies (category TEXT PRIMARY KEY, version INTEGER NOT NULL, limits TEXT NOT NULL,
                               max_hours INTEGER NOT NULL, updated_hlc TEXT NOT NULL) STRICT;
    )sql"},
    // Version 4: when a follow-up visit is due (work queue, follow-ups screen). Existing rows are
    // re-folded once when the app opens (meta "reproject").
    {4, R"sql(
        ALTER TABLE cases ADD COLUMN follow_up_due INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX cases_follow_up ON cases(follow_up_due) WHERE follow_up_due > 0;
        INSERT OR REPLACE INTO meta(key, value) VALUES ('reproject', '1');
    )sql"},
    // Version 5: suggestions about the process (意见建议), reference data like departments: one row
    // per suggestion, last writer wins (ref.suggestion events carry the whole record); and each
    // case's met milestones for the statistics' deadline health (core::metMilestonesText), filled
    // by re-folding existing cases once.
    {5, R"sql(
        CREATE TABLE suggestions (id TEXT PRIMARY KEY, source TEXT NOT NULL, author TEXT NOT NULL,
                                  content TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL,
                                  created_at INTEGER NOT NULL, updated_hlc TEXT NOT NULL) STRICT;
        CREATE INDEX suggestions_created ON suggestions(created_at);
        ALTER TABLE cases ADD COLUMN met_milestones TEXT NOT NULL DEFAULT '';
        INSERT OR REPLACE INTO meta(key, value) VALUES ('reproject', '1');
    )sql"},
    // Version 6: every sortable column of the case list has an index in the list's own order
    // (column, then received_at, then rowid), so a page deep in a list sorted by customer or by
    // deadline is an index walk, not a sort of every case (1.5 s and 0.5 s at 200k cases before).
    {6, R"sql(
        CREATE INDEX cases_customer_name ON cases(customer_name, received_at);
        CREATE INDEX cases_due_order ON cases((CASE WHEN next_due = 0 THEN 9223372036854775807 ELSE next_due END), received_at);
    )sql"},
    // Version 7: how far live sync with each CouchDB database (its URL) has got: local events sent up
    // to pushed_seq, the server's changes read up to pulled_since (its opaque last_seq).
    {7, R"sql(
        CREATE TABLE replication_checkpoints (server TEXT PRIMARY KEY, pushed_seq INTEGER NOT NULL,
                                              pulled_since TEXT NOT NULL, updated_at INTEGER NOT NULL) STRICT;
    )sql"},
    // Version 8: the number a case was registered under, beside the number it shows. Two desks apart
    // from each other can give two complaints one number: the first registered (by case id, which
    // is time-ordered) keeps it, the next show it with -2, -3 … (CaseStore::renumberTwins).
    {8, R"sql(
        ALTER TABLE cases ADD COLUMN registered_number TEXT NOT NULL DEFAULT '';
        UPDATE cases SET registered_number = number;
        CREATE INDEX cases_registered_number ON cases(registered_number, id);
        UPDATE cases SET number = registered_number || '-' || twin.place
          FROM (SELECT rowid AS twin_rowid,
                       row_number() OVER (PARTITION BY registered_number ORDER BY id) AS place FROM cases) AS twin
          WHERE cases.rowid = twin.twin_rowid AND twin.place > 1;
        UPDATE cases_fts SET number = (SELECT number FROM cases WHERE cases.rowid = cases_fts.rowid)
          WHERE rowid IN (SELECT rowid FROM cases WHERE number <> registered_number);
    )sql"},
    // Version 9: the device's audit log (审计日志): sign-ins, settings and staff changes, exports,
    // backups, restores and imports, with who and when. Local to the device: never synced.
    {9, R"sql(
        CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL,
                                action TEXT NOT NULL, detail TEXT NOT NULL) STRICT;
    )sql"},
    // Version 10: the bytes of the files on cases (store/attachment_store.h), named by their SHA-256,
    // in pieces of at most 256 KB; a file's row is written last, so a file with a row is whole.
    {10, R"sql(
        CREATE TABLE attachment_files (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL,
                                       chunks INTEGER NOT NULL) STRICT;
        CREATE TABLE attachment_chunks (sha256 TEXT NOT NULL, seq INTEGER NOT NULL, bytes BLOB NOT NULL,
                                        PRIMARY KEY (sha256, seq)) STRICT;
    )sql"},
};

} // namespace

std::span<const Migration> migrations() { return kMigrations; }

} // namespace tousu::store
