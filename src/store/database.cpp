// Schema versioning uses SQLite's `PRAGMA user_version`, read and written inside the migration
// transaction, so a crash mid-migration leaves the previous version intact.
#include "store/database.h"

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

core::Result<std::unique_ptr<Database>> Database::open(const std::string& path, const char* vfs) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs);
    std::unique_ptr<Database> db(new Database(raw));   // closes raw on every path below
    if (rc != SQLITE_OK) return sqliteError(raw, "open " + path);
    if (auto st = db->exec("PRAGMA foreign_keys = ON"); !st) return st.error();
    if (auto st = db->migrate(); !st) return st.error();
    return db;
}

Database::~Database() {
    for (auto& [sql, stmt] : m_statements) sqlite3_finalize(stmt);
    sqlite3_close_v2(m_db);
}

sqlite3_stmt* Database::cachedStatement(const std::string& sql) const {
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) return nullptr;
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

core::Status Database::migrate() {
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
        if (auto st = exec(m.sql); !st) { exec("ROLLBACK"); return st; }
        if (auto st = exec("PRAGMA user_version = " + std::to_string(m.version)); !st) { exec("ROLLBACK"); return st; }
    }
    return exec("COMMIT");
}

} // namespace tousu::store
