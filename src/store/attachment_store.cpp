#include "store/attachment_store.h"

#include <algorithm>
#include <set>

#include "core/attachment.h"
#include "store/database.h"
#include "store/statement.h"

namespace tousu::store {

using core::ErrorCode;
using core::makeError;

core::Result<bool> hasAttachment(const Database& db, const std::string& sha256) {
    Statement s(db, "SELECT 1 FROM attachment_files WHERE sha256 = ?");
    return s.bind(1, sha256).row();
}

core::Result<bool> storeAttachment(Database& db, const std::string& sha256, std::string_view bytes) {
    auto stored = hasAttachment(db, sha256);
    if (!stored) return stored.error();
    if (stored.value()) return false;
    Statement chunk(db, "INSERT OR REPLACE INTO attachment_chunks(sha256, seq, bytes) VALUES (?, ?, ?)");
    std::int64_t seq = 0;
    for (std::size_t at = 0; at < bytes.size(); at += core::kAttachmentChunkBytes, ++seq) {
        chunk.bind(1, sha256).bind(2, seq).bindBlob(3, bytes.substr(at, core::kAttachmentChunkBytes));
        if (auto st = chunk.run(); !st) return st.error();
        chunk.reset();
    }
    Statement file(db, "INSERT INTO attachment_files(sha256, size, chunks) VALUES (?, ?, ?)");
    if (auto st = file.bind(1, sha256).bind(2, static_cast<std::int64_t>(bytes.size())).bind(3, seq).run(); !st)
        return st.error();
    return true;
}

core::Result<std::string> readAttachment(const Database& db, const std::string& sha256) {
    Statement file(db, "SELECT size, chunks FROM attachment_files WHERE sha256 = ?");
    auto found = file.bind(1, sha256).row();
    if (!found) return found.error();
    if (!found.value()) return makeError(ErrorCode::NotFound, "error.attachment_missing", sha256);
    const auto size = static_cast<std::size_t>(file.integer(0));
    const std::int64_t chunks = file.integer(1);
    std::string bytes;
    bytes.reserve(size);
    std::int64_t expected = 0;
    Statement s(db, "SELECT seq, bytes FROM attachment_chunks WHERE sha256 = ? ORDER BY seq");
    s.bind(1, sha256);
    auto st = s.eachRow([&]() -> core::Status {
        if (s.integer(0) != expected++)
            return makeError(ErrorCode::Storage, "error.attachment_damaged", sha256 + ": a piece is missing");
        bytes += s.blob(1);
        return core::Ok{};
    });
    if (!st) return st.error();
    if (expected != chunks || bytes.size() != size)
        return makeError(ErrorCode::Storage, "error.attachment_damaged", sha256 + ": not whole");
    return bytes;
}

core::Result<std::vector<std::string>> storedAttachments(const Database& db, const std::vector<std::string>& sha256s) {
    std::string list = "[";
    for (const std::string& sha : sha256s) {
        if (!core::isSha256Hex(sha)) continue; // hex only: safe inside the JSON text as it is
        list += (list.size() > 1 ? ",\"" : "\"") + sha + "\"";
    }
    Statement s(db, "SELECT sha256 FROM attachment_files WHERE sha256 IN (SELECT value FROM json_each(?)) "
                    "ORDER BY sha256");
    s.bind(1, list + "]");
    std::vector<std::string> out;
    if (auto st = s.eachRow([&] { out.push_back(s.text(0)); }); !st) return st.error();
    return out;
}

core::Result<int> dropErasedAttachments(Database& db) {
    // Two scans of the events (attach events are not indexed by file), then sets.
    const auto named = [&](bool erased) -> core::Result<std::set<std::string>> {
        Statement s(db, std::string("SELECT DISTINCT json_extract(payload, '$.attachment') FROM events "
                                    "WHERE type = 'attach' AND case_id ") +
                            (erased ? "IN" : "NOT IN") + " (SELECT case_id FROM events WHERE type = 'erase')");
        std::set<std::string> out;
        if (auto st = s.eachRow([&] { out.insert(s.text(0)); }); !st) return st.error();
        return out;
    };
    auto ofErased = named(true);
    if (!ofErased) return ofErased.error();
    if (ofErased.value().empty()) return 0;
    auto ofOthers = named(false);
    if (!ofOthers) return ofOthers.error();
    Statement chunks(db, "DELETE FROM attachment_chunks WHERE sha256 = ?");
    Statement file(db, "DELETE FROM attachment_files WHERE sha256 = ?");
    int dropped = 0;
    for (const std::string& sha : ofErased.value()) {
        if (ofOthers.value().count(sha)) continue;
        if (auto st = chunks.bind(1, sha).run(); !st) return st.error();
        chunks.reset();
        if (auto st = file.bind(1, sha).run(); !st) return st.error();
        dropped += sqlite3_changes(db.handle()) > 0;
        file.reset();
    }
    return dropped;
}

} // namespace tousu::store
