#include "store/statement.h"

namespace tousu::store {

core::Error sqlError(sqlite3* db, const std::string& what) {
    return core::makeError(core::ErrorCode::Storage, "error.storage", what + ": " + sqlite3_errmsg(db));
}

Statement::Statement(sqlite3* db, const char* sql) : m_db(db) { sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }

core::Status Statement::run() {
    if (!m_stmt) return sqlError(m_db, "prepare");
    int rc;
    while ((rc = step()) == SQLITE_ROW) {}
    if (rc != SQLITE_DONE) return sqlError(m_db, "step");
    return core::Ok{};
}

Transaction::Transaction(sqlite3* db) : m_db(db) {
    m_began = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
}

Transaction::~Transaction() {
    if (m_began && !m_done) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

core::Status Transaction::commit() {
    if (!m_began) return sqlError(m_db, "begin");
    if (sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return sqlError(m_db, "commit");
    m_done = true;
    return core::Ok{};
}

} // namespace tousu::store
