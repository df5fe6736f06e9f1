// Schema versioning uses SQLite's `PRAGMA user_version`, read and written inside the migration
// transaction, so a crash mid-migration leaves the previous version intact.
#include "store/database.h"

#include <algorithm>
#include <cstring>
#include <sqlite3.h>

#include "store/migrations.h"

namespace tousu::store {

using core::ErrorCode;
using core::makeError;

namespace {

core::Error sqliteError(sqlite3* db, const std::string& what) {
    return makeError(ErrorCode::Storage, "error.storage", what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

} // namespace

core::Result<std::unique_ptr<Database>> Database::open(const std::string& path, const char* vfs, Mode mode) {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (mode == Mode::Create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, vfs);
    std::unique_ptr<Database> db(new Database(raw)); // closes raw on every path below
    if (rc != SQLITE_OK) return sqliteError(raw, "open " + path);
    // Another process writing (a CLI command beside another, the desk's import): wait for it a while
    // instead of failing at once.
    sqlite3_busy_timeout(raw, 5000);
    if (mode == Mode::Existing && !db->isOurs())
        return makeError(ErrorCode::InvalidInput, "error.not_tousu_database", path);
    if (auto st = db->exec("PRAGMA foreign_keys = ON"); !st) return st.error();
    // Pages changed by a transaction stay in the page cache until it commits: a large import's
    // preview then rolls back without having touched the database file, so nothing is written
    // (to IndexedDB, in the browser) for a change that never happened.
    if (auto st = db->exec("PRAGMA cache_spill = OFF"); !st) return st.error();
    // Statement journals (the undo of one statement inside a larger transaction) stay in SQLite's
    // memory: as temporary files they cost a write call per changed page, 29 per workflow action
    // inside a batch (generating 200k cases took 2.4 times as long).
    if (auto st = db->exec("PRAGMA temp_store = MEMORY"); !st) return st.error();
    // What is deleted or rewritten is overwritten with zeros, not left in free space: an erased
    // customer's data must be gone from the file (README, "Personal data").
    if (auto st = db->exec("PRAGMA secure_delete = ON"); !st) return st.error();
    // Up to 64 MB of pages cached (SQLite's default is 2 MB): the indexes a list or a batch of
    // actions touches at 100k cases and more stay in memory instead of being read again.
    if (auto st = db->exec("PRAGMA cache_size = -65536"); !st) return st.error();
    if (auto st = db->migrate(); !st) return st.error();
    return db;
}

core::Result<std::unique_ptr<Database>> Database::openImage(const std::string& bytes) {
    static constexpr char kMagic[] = "SQLite format 3"; // and its NUL: the first 16 bytes of every file
    if (bytes.size() < 512 || bytes.compare(0, sizeof kMagic, std::string(kMagic, sizeof kMagic)) != 0)
        return makeError(ErrorCode::InvalidInput, "error.backup_not_sqlite");
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<Database> db(new Database(raw));
    if (rc != SQLITE_OK) return sqliteError(raw, "open image");
    auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(bytes.size()));
    if (!copy) return sqliteError(nullptr, "image");
    std::memcpy(copy, bytes.data(), bytes.size());
    if (sqlite3_deserialize(raw, "main", copy, static_cast<sqlite3_int64>(bytes.size()),
                            static_cast<sqlite3_int64>(bytes.size()),
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
        return makeError(ErrorCode::InvalidInput, "error.backup_corrupt", sqlite3_errmsg(raw));
    sqlite3_stmt* check = nullptr;
    std::string verdict = "unreadable";
    if (sqlite3_prepare_v2(raw, "PRAGMA integrity_check(1)", -1, &check, nullptr) == SQLITE_OK &&
        sqlite3_step(check) == SQLITE_ROW)
        verdict = reinterpret_cast<const char*>(sqlite3_column_text(check, 0));
    sqlite3_finalize(check);
    if (verdict != "ok") return makeError(ErrorCode::InvalidInput, "error.backup_corrupt", verdict);
    const int version = db->schemaVersion();
    if (version > kSchemaVersion)
        return makeError(ErrorCode::Unsupported, "error.schema_too_new", "backup schema " + std::to_string(version));
    if (!db->isOurs()) return makeError(ErrorCode::InvalidInput, "error.backup_not_tousu");
    if (auto st = db->migrate(); !st) return st.error();
    return db;
}

core::Status Database::readImage(const PieceSink& piece) const {
    if (!sqlite3_get_autocommit(m_db))
        return makeError(ErrorCode::Storage, "error.storage", "image inside a transaction");
    const auto inPieces = [&](const char* data, std::size_t size) {
        for (std::size_t at = 0; at < size; at += kImagePieceBytes)
            piece(std::string_view(data + at, std::min(kImagePieceBytes, size - at)));
    };
    sqlite3_file* file = nullptr;
    sqlite3_file_control(m_db, "main", SQLITE_FCNTL_FILE_POINTER, &file);
    if (!file || !file->pMethods) { // ":memory:" has no file: SQLite's own copy
        sqlite3_int64 size = 0;
        unsigned char* data = sqlite3_serialize(m_db, "main", &size, 0);
        if (!data) return sqliteError(m_db, "serialize");
        inPieces(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
        sqlite3_free(data);
        return core::Ok{};
    }
    // A read transaction holds the shared lock, so the file is one committed state while it is read;
    // it ends on every path.
    struct ReadTransaction {
        sqlite3* db;
        ~ReadTransaction() {
            if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        }
    } transaction{m_db};
    if (sqlite3_exec(m_db, "BEGIN; SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqliteError(m_db, "read lock");
    sqlite3_int64 size = 0;
    int rc = file->pMethods->xFileSize(file, &size);
    std::string buffer(kImagePieceBytes, '\0');
    for (sqlite3_int64 at = 0; rc == SQLITE_OK && at < size; at += static_cast<sqlite3_int64>(buffer.size())) {
        const int n = static_cast<int>(std::min<sqlite3_int64>(static_cast<sqlite3_int64>(buffer.size()), size - at));
        rc = file->pMethods->xRead(file, buffer.data(), n, at);
        if (rc == SQLITE_OK) piece(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
    if (rc != SQLITE_OK)
        return makeError(ErrorCode::Storage, "error.storage", "reading the database file: " + std::to_string(rc));
    return core::Ok{};
}

core::Status Database::replaceWith(const Database& source) {
    // Cached statements would hold read locks on the old content; finalised, they are re-prepared.
    for (auto& [sql, stmt] : m_statements) sqlite3_finalize(stmt);
    m_statements.clear();
    sqlite3_backup* b = sqlite3_backup_init(m_db, "main", source.m_db, "main");
    if (!b) return sqliteError(m_db, "backup init");
    const int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) return sqliteError(m_db, "restore");
    return core::Ok{};
}

Database::~Database() {
    for (auto& [sql, stmt] : m_statements) sqlite3_finalize(stmt);
    sqlite3_close_v2(m_db);
}

sqlite3_stmt* Database::cachedStatement(const std::string& sql) const {
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        return nullptr;
    m_statements.emplace(sql, stmt);
    return stmt;
}

core::Status Database::exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string detail = message ? message : sqlite3_errmsg(m_db);
        sqlite3_free(message);
        return makeError(ErrorCode::Storage, "error.storage", detail);
    }
    return core::Ok{};
}

int Database::schemaVersion() const {
    sqlite3_stmt* stmt = nullptr;
    int version = -1;
    if (sqlite3_prepare_v2(m_db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return version;
}

bool Database::isOurs() const {
    if (schemaVersion() < 1) return false;
    sqlite3_stmt* mark = nullptr;
    bool ours = false;
    if (sqlite3_prepare_v2(m_db, "SELECT value FROM meta WHERE key = 'created_by'", -1, &mark, nullptr) == SQLITE_OK &&
        sqlite3_step(mark) == SQLITE_ROW)
        ours = std::string(reinterpret_cast<const char*>(sqlite3_column_text(mark, 0))) == "tousu";
    sqlite3_finalize(mark);
    return ours;
}

core::Status Database::migrate() {
    // Already current (every open but the first after an upgrade): no write lock, so a read beside
    // another process's long write does not wait for it.
    if (schemaVersion() == kSchemaVersion) return core::Ok{};
    if (auto st = exec("BEGIN IMMEDIATE"); !st) return st;
    const int current = schemaVersion();
    if (current > kSchemaVersion) {
        exec("ROLLBACK");
        return makeError(ErrorCode::Unsupported, "error.schema_too_new",
                         "database schema " + std::to_string(current) + " is newer than this app's " +
                             std::to_string(kSchemaVersion));
    }
    for (const Migration& m : migrations()) {
        if (m.version <= current) continue;
        if (auto st = exec(m.sql); !st) {
            exec("ROLLBACK");
            return st;
        }
        if (auto st = exec("PRAGMA user_version = " + std::to_string(m.version)); !st) {
            exec("ROLLBACK");
            return st;
        }
    }
    return exec("COMMIT");
}

} // namespace tousu::store
