#include "sync/couch.h"

#include <optional>

#include "core/attachment.h"
#include "core/sha256.h"
#include "sync/event_json.h"
#include "sync/json_limits.h"
#include "sync/sealed.h"

namespace tousu::sync::couch {

using nlohmann::json;

namespace {

core::Error badAnswer(const std::string& what) {
    return core::makeError(core::ErrorCode::InvalidInput, "error.couch_answer", what);
}

core::Error badDocument(const std::string& id, const std::string& why) {
    return core::makeError(core::ErrorCode::InvalidInput, "error.couch_document", id.substr(0, 80) + ": " + why, id);
}

// An answer's JSON, refused when it is not JSON or nested deeper than any answer we expect.
core::Result<json> parseAnswer(std::string_view answer) {
    const JsonOutline outline = outlineJson(answer, kMaxJsonDepth);
    if (outline.deepest > kMaxJsonDepth) return badAnswer("nested too deep");
    json j = json::parse(answer, nullptr, false);
    if (j.is_discarded()) return badAnswer(outline.endsOpen ? "cut off" : "not JSON");
    return j;
}

// Not deleted, of our `format`, and of a version this tousu reads.
std::optional<core::Error> shapeError(const json& doc, const std::string& id, const char* format, int newest,
                                      const char* notOurs) {
    if (doc.contains("_deleted")) return badDocument(id, "deleted on the server");
    if (textAt(doc, "format") != format) return badDocument(id, notOurs);
    const auto version = integerIn(doc.value("version", json()), 1, 1'000'000);
    if (!version) return badDocument(id, "no version");
    if (*version > newest) return badDocument(id, "from a newer tousu (version " + std::to_string(*version) + ")");
    return std::nullopt;
}

// CouchDB seqs are strings ("12-g1AAAA…"), PouchDB's are numbers: kept as the text to send back.
std::string seqText(const json& seq) {
    if (seq.is_string()) return seq.get<std::string>();
    if (seq.is_number_integer()) return seq.dump();
    return "";
}

} // namespace

std::string revisionOf(const core::Event& e) { return "1-" + core::sha256Hex(core::canonicalText(e)).substr(0, 32); }

json eventDocument(const core::Event& e) {
    json doc = eventToJson(e);
    doc.erase("id");
    doc["_id"] = e.id;
    doc["_rev"] = revisionOf(e);
    doc["format"] = kEventFormat;
    doc["version"] = kEventVersion;
    return doc;
}

core::Result<core::Event> eventFromDocument(const json& doc) {
    if (!doc.is_object()) return badDocument("", "not an object");
    const std::string id = textAt(doc, "_id");
    if (id.empty()) return badDocument("", "no _id");
    if (auto wrong = shapeError(doc, id, kEventFormat, kEventVersion, "not a tousu event")) return *wrong;
    json body = doc;
    for (const char* key : {"_id", "_rev", "_revisions", "format", "version"}) body.erase(key);
    body["id"] = id;
    auto e = eventFromJson(body);
    if (!e) return badDocument(id, e.error().detail);
    if (textAt(doc, "_rev") != revisionOf(e.value())) return badDocument(id, "changed on the server");
    return e;
}

std::string fileDocumentId(const std::string& sha256) { return "file-" + sha256; }
std::string fileRevision(const std::string& sha256) { return "1-" + sha256.substr(0, 32); }

json fileDocument(const BundleAttachment& file) {
    return {{"_id", fileDocumentId(file.sha256)},
            {"_rev", fileRevision(file.sha256)},
            {"format", kFileFormat},
            {"version", kFileVersion},
            {"sha256", file.sha256},
            {"size", file.bytes.size()},
            {"_attachments",
             {{"file", {{"content_type", "application/octet-stream"}, {"data", base64Encode(file.bytes)}}}}}};
}

core::Result<BundleAttachment> fileFromDocument(const json& doc) {
    const std::string id = textAt(doc, "_id");
    if (auto wrong = shapeError(doc, id, kFileFormat, kFileVersion, "not a tousu file")) return *wrong;
    const std::string sha = textAt(doc, "sha256");
    if (!core::isSha256Hex(sha) || id != fileDocumentId(sha)) return badDocument(id, "not named by its sha256");
    const auto size = integerIn(doc.value("size", json()), 1, INT64_MAX);
    const json* data = nullptr;
    if (const auto a = doc.find("_attachments"); a != doc.end() && a->is_object())
        if (const auto f = a->find("file"); f != a->end() && f->is_object())
            if (const auto d = f->find("data"); d != f->end() && d->is_string()) data = &*d;
    if (!data) return badDocument(id, "no bytes (attachments=true)");
    auto bytes = base64Decode(data->get_ref<const std::string&>());
    if (!bytes || !size || static_cast<std::int64_t>(bytes->size()) != *size || core::sha256Hex(*bytes) != sha)
        return badDocument(id, "the bytes do not match the hash or size");
    return BundleAttachment{sha, std::move(*bytes)};
}

std::string revsDiffRequest(const std::vector<core::Event>& events, const std::vector<std::string>& files) {
    json body = json::object();
    for (const core::Event& e : events) body[e.id] = json::array({revisionOf(e)});
    for (const std::string& sha : files) body[fileDocumentId(sha)] = json::array({fileRevision(sha)});
    return body.dump();
}

core::Result<std::set<std::string>> missingIds(std::string_view answer) {
    auto j = parseAnswer(answer);
    if (!j) return j.error();
    if (!j.value().is_object()) return badAnswer("_revs_diff: not an object");
    std::set<std::string> missing;
    for (const auto& [id, diff] : j.value().items())
        if (diff.is_object() && diff.contains("missing")) missing.insert(id);
    return missing;
}

std::string bulkDocsRequest(const std::vector<core::Event>& events, const std::vector<BundleAttachment>& files) {
    json docs = json::array();
    for (const core::Event& e : events) docs.push_back(eventDocument(e));
    for (const BundleAttachment& f : files) docs.push_back(fileDocument(f));
    return json{{"docs", std::move(docs)}, {"new_edits", false}}.dump();
}

core::Result<std::vector<Refusal>> bulkDocsRefusals(std::string_view answer) {
    auto j = parseAnswer(answer);
    if (!j) return j.error();
    if (!j.value().is_array()) return badAnswer("_bulk_docs: not an array");
    std::vector<Refusal> refused;
    for (const json& row : j.value())
        if (!textAt(row, "error").empty())
            refused.push_back({textAt(row, "id"), textAt(row, "error"), textAt(row, "reason")});
    return refused;
}

core::Result<Changes> readChanges(std::string_view answer) {
    auto j = parseAnswer(answer);
    if (!j) return j.error();
    const auto results = j.value().is_object() ? j.value().find("results") : j.value().end();
    if (results == j.value().end() || !results->is_array()) return badAnswer("_changes: no results");
    Changes out;
    out.lastSeq = seqText(j.value().value("last_seq", json()));
    if (out.lastSeq.empty()) return badAnswer("_changes: no last_seq");
    out.results = results->size();
    for (const json& row : *results) {
        const std::string id = textAt(row, "id");
        if (id.rfind("_design/", 0) == 0) continue;
        if (row.value("deleted", false)) return badDocument(id, "deleted on the server");
        const auto doc = row.is_object() ? row.find("doc") : row.end();
        if (doc == row.end()) return badDocument(id, "no document (include_docs)");
        if (id.rfind("file-", 0) == 0) {
            auto file = fileFromDocument(*doc);
            if (!file) return file.error();
            out.files.push_back(std::move(file.value()));
            continue;
        }
        auto e = eventFromDocument(*doc);
        if (!e) return e.error();
        out.events.push_back(std::move(e.value()));
    }
    return out;
}

std::string updateSeqOf(std::string_view databaseInfo) {
    auto j = parseAnswer(databaseInfo);
    return j && j.value().is_object() ? seqText(j.value().value("update_seq", json())) : "";
}

std::string changesPath(const std::string& since, std::size_t limit, bool longpoll, int timeoutMs) {
    std::string path =
        "_changes?include_docs=true&attachments=true&since=" + urlEncode(since) + "&limit=" + std::to_string(limit);
    if (longpoll) path += "&feed=longpoll&timeout=" + std::to_string(timeoutMs);
    return path;
}

std::string checkpointDocument(const Checkpoint& c) {
    json doc = {{"pushed_seq", c.pushedSeq}, {"pulled_since", c.pulledSince}, {"format", "tousu.checkpoint"}};
    if (!c.rev.empty()) doc["_rev"] = c.rev;
    return doc.dump();
}

core::Result<Checkpoint> readCheckpoint(std::string_view answer) {
    auto j = parseAnswer(answer);
    if (!j) return j.error();
    const auto pushed = integerIn(j.value().value("pushed_seq", json()), 0, INT64_MAX);
    const std::string pulled = textAt(j.value(), "pulled_since");
    if (!pushed || pulled.empty()) return badAnswer("checkpoint: pushed_seq or pulled_since missing");
    return Checkpoint{*pushed, pulled, textAt(j.value(), "_rev")};
}

core::Result<std::string> revisionWritten(std::string_view answer) {
    auto j = parseAnswer(answer);
    if (!j) return j.error();
    const std::string rev = textAt(j.value(), "rev");
    if (rev.empty()) return badAnswer("no rev in the answer to a write");
    return rev;
}

core::Result<SessionUser> sessionUser(std::string_view answer) {
    auto j = parseAnswer(answer);
    if (!j || !j.value().is_object()) return badAnswer("_session: not an object");
    const json& ctx = j.value().contains("userCtx") ? j.value()["userCtx"] : j.value();
    SessionUser user{textAt(ctx, "name"), ""};
    if (user.name.empty()) return badAnswer("_session: nobody is signed in");
    for (const json& r : ctx.value("roles", json::array()))
        if (r.is_string() && r.get<std::string>().rfind("role:", 0) == 0) user.role = r.get<std::string>().substr(5);
    return user;
}

core::Result<std::string> databaseUrl(std::string_view url) {
    const auto bad = [](const char* why) {
        return core::makeError(core::ErrorCode::InvalidInput, "error.couch_url", why);
    };
    std::string u(url);
    while (!u.empty() && u.back() == '/') u.pop_back();
    const bool https = u.rfind("https://", 0) == 0, http = u.rfind("http://", 0) == 0;
    if (!https && !http) return bad("not an http:// or https:// URL");
    const std::size_t hostStart = u.find("//") + 2, pathStart = u.find('/', hostStart);
    const std::string authority =
        u.substr(hostStart, pathStart == std::string::npos ? std::string::npos : pathStart - hostStart);
    if (authority.find('@') != std::string::npos) return bad("a user or password in the URL");
    if (authority.empty() || authority[0] == ':') return bad("no server name");
    if (pathStart == std::string::npos || pathStart + 1 >= u.size()) return bad("no database name");
    if (u.find_first_of("?# \t\r\n") != std::string::npos) return bad("a query, fragment or space in the URL");
    const std::string host =
        authority[0] == '[' ? authority.substr(0, authority.find(']') + 1) : authority.substr(0, authority.find(':'));
    const bool loopback = host == "localhost" || host == "[::1]" || host.rfind("127.", 0) == 0;
    if (http && !loopback) return bad("plain http:// to another machine (use https://)");
    return u;
}

std::string serverError(std::string_view answer) {
    if (auto j = parseAnswer(answer); j && j.value().is_object() && j.value().contains("error")) {
        const std::string reason = textAt(j.value(), "reason");
        return textAt(j.value(), "error").substr(0, 100) + (reason.empty() ? "" : ": " + reason.substr(0, 200));
    }
    return std::string(answer.substr(0, 200));
}

std::string urlEncode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        const bool plain = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (plain || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

} // namespace tousu::sync::couch
