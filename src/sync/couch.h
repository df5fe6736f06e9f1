// Events as Apache CouchDB documents, and the replication protocol's request bodies and answers
// (DESIGN.md, "Sync server"; README, "Live sync"): text in, text out. Sending them is the caller's
// (app/replication.h), so the desk (fetch) and tousu-cli (libcurl) share every rule here.
//
// One document per event: "_id" is the event id, "_rev" is derived from the event's content, and the
// body is the event as in a bundle plus "format" and "version". Every desk that sends an event sends
// the same revision, so documents never conflict; a document whose revision does not match its
// content was changed on the server and is refused.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/result.h"
#include "sync/bundle.h"

namespace tousu::sync::couch {

constexpr const char* kEventFormat = "tousu.event";
constexpr int kEventVersion = 1;

// "1-" and 32 hex digits of SHA-256 over the event's canonical text.
std::string revisionOf(const core::Event& e);
nlohmann::json eventDocument(const core::Event& e);
// Refused (error.couch_document, the detail naming the document): not an event document, from a
// newer tousu, deleted, a revision that does not match the content, or an event eventFromJson refuses.
core::Result<core::Event> eventFromDocument(const nlohmann::json& doc);

// [SECTION] Files: one document per file attached to a case, "file-<sha256>", its bytes the
// document's attachment "file"; its revision "1-" and the hash's first 32 digits, the same from every
// desk. An attach event names the file; the two may arrive in either order.

constexpr const char* kFileFormat = "tousu.file";
constexpr int kFileVersion = 1;
std::string fileDocumentId(const std::string& sha256);
std::string fileRevision(const std::string& sha256);
nlohmann::json fileDocument(const BundleAttachment& file);
// Refused (error.couch_document): not a file document, from a newer tousu, without its bytes
// (asked without attachments=true), or bytes that do not match the hash or size it names.
core::Result<BundleAttachment> fileFromDocument(const nlohmann::json& doc);

// [SECTION] Push: POST _revs_diff, then POST _bulk_docs of what is missing

// The events' documents, and the files' (by hash).
std::string revsDiffRequest(const std::vector<core::Event>& events, const std::vector<std::string>& files = {});
// The ids of the documents the server lacks.
core::Result<std::set<std::string>> missingIds(std::string_view answer);
// new_edits false: the server stores each document with the revision we give it.
std::string bulkDocsRequest(const std::vector<core::Event>& events, const std::vector<BundleAttachment>& files = {});
// A document the server would not store (its validate_doc_update said "forbidden", …).
struct Refusal {
    std::string id, error, reason;
};
core::Result<std::vector<Refusal>> bulkDocsRefusals(std::string_view answer);

// [SECTION] Pull: GET _changes?include_docs=true

struct Changes {
    std::vector<core::Event> events;     // design documents skipped
    std::vector<BundleAttachment> files; // file documents, checked
    std::string lastSeq;                 // to pass as `since` next time (opaque in CouchDB 3, a number in PouchDB)
    std::size_t results = 0;             // rows in the answer, events or not
};
// Refused as a whole when any document is not an event we accept (nothing of a batch is applied).
core::Result<Changes> readChanges(std::string_view answer);
// The database's update_seq from GET /{db} ("1234-g1AAAA…" in CouchDB 3, 1234 in PouchDB), to show
// how far a pull has come; "" when the answer has none.
std::string updateSeqOf(std::string_view databaseInfo);
// The path of a _changes request (documents and files' bytes included): `longpoll` waits up to
// `timeoutMs` for a change.
std::string changesPath(const std::string& since, std::size_t limit, bool longpoll, int timeoutMs);

// [SECTION] Checkpoints in a _local document (not replicated, per desk)

struct Checkpoint {
    std::int64_t pushedSeq = 0;    // local events.seq sent up to
    std::string pulledSince = "0"; // the server's last_seq read up to
    std::string rev;               // the _local document's revision, "" when it does not exist yet
};
std::string checkpointDocument(const Checkpoint& c);
core::Result<Checkpoint> readCheckpoint(std::string_view answer);
// The new revision of a document after PUT ({"ok":true,"id":…,"rev":…}).
core::Result<std::string> revisionWritten(std::string_view answer);

// [SECTION] Sign-in

// Who a sign-in answer names: POST _session's {"ok":true,"name":"s01","roles":["office:BJ01",
// "role:agent"]} or GET _session's {"userCtx":{…}}. `role` is what a "role:" entry says ("" if none).
struct SessionUser {
    std::string name, role;
};
core::Result<SessionUser> sessionUser(std::string_view answer);

// [SECTION] Errors and URLs

// A database URL the desk and the CLI will talk to: https://, or http:// to this machine only
// (127.0.0.0/8, localhost, [::1]), with a database name and no user or password in it. The URL
// without a trailing slash, or error.couch_url (the detail says what is wrong).
core::Result<std::string> databaseUrl(std::string_view url);

// {"error":"unauthorized","reason":"Name or password is incorrect."} → "unauthorized: Name or …";
// the first 200 bytes of anything else.
std::string serverError(std::string_view answer);
std::string urlEncode(std::string_view text);

} // namespace tousu::sync::couch
