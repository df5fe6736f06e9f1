#include "store/statement.h"

#include "store/database.h"

namespace tousu::store {

core::Error sqlError(sqlite3* db, const std::string& what) {
    // A damaged file is not a failed save: it needs a restore, and says so.
    const int rc = sqlite3_errcode(db);
    const bool damaged = rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
    return core::makeError(core::ErrorCode::Storage, damaged ? "error.database_damaged" : "error.storage",
                           what + ": " + sqlite3_errmsg(db));
}

Statement::Statement(const Database& db, const std::string& sql) : m_db(db.handle()), m_stmt(db.cachedStatement(sql)) {}

core::Status Statement::run() {
    if (!m_stmt) return sqlError(m_db, "prepare");
    int rc;
    while ((rc = step()) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) return sqlError(m_db, "step");
    return core::Ok{};
}

core::Result<bool> Statement::row() {
    const int rc = step();
    if (rc == SQLITE_ROW) return true;
    if (auto st = finished(rc); !st) return st.error();
    return false;
}

core::Status Statement::finished(int rc) const {
    if (rc == SQLITE_DONE) return core::Ok{};
    if (!m_stmt) return sqlError(m_db, "prepare");
    return sqlError(m_db, "read");
}

// A savepoint: a transaction of its own at top level, or a nested part of a caller's batch.
Transaction::Transaction(sqlite3* db) : m_db(db), m_outermost(sqlite3_get_autocommit(db) != 0) {
    m_began = sqlite3_exec(db, "SAVEPOINT tx", nullptr, nullptr, nullptr) == SQLITE_OK;
}

// At top level a plain ROLLBACK: rolling back to the savepoint and releasing it would commit an
// empty transaction, which still rewrites the database header (and so reaches IndexedDB).
Transaction::~Transaction() {
    if (m_began && !m_done)
        sqlite3_exec(m_db, m_outermost ? "ROLLBACK" : "ROLLBACK TO tx; RELEASE tx", nullptr, nullptr, nullptr);
}

core::Status Transaction::commit() {
    if (!m_began) return sqlError(m_db, "begin");
    if (sqlite3_exec(m_db, "RELEASE tx", nullptr, nullptr, nullptr) != SQLITE_OK) return sqlError(m_db, "commit");
    m_done = true;
    return core::Ok{};
}

} // namespace tousu::store
