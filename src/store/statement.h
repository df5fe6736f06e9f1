// A prepared statement with RAII and typed bind/column helpers; a transaction guard.
#pragma once
#include <cstdint>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/result.h"

namespace tousu::store {

class Database;

// Borrows the database's cached prepared statement for `sql`; resets it when done.
class Statement {
  public:
    Statement(const Database& db, const std::string& sql);
    ~Statement() {
        if (m_stmt) {
            sqlite3_reset(m_stmt);
            sqlite3_clear_bindings(m_stmt);
        }
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return m_stmt != nullptr; }
    Statement& bind(int i, std::string_view v) {
        sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Statement& bindBlob(int i, std::string_view bytes) {
        sqlite3_bind_blob(m_stmt, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    Statement& bind(int i, int v) {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    Statement& bind(int i, double v) {
        sqlite3_bind_double(m_stmt, i, v);
        return *this;
    }

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(m_stmt); }
    void reset() {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    // Runs to completion; an error value if it failed.
    core::Status run();

    // Reading rows. Every read goes through one of these two, so that an error is never taken for
    // the end of the rows: a damaged page reads as SQLITE_CORRUPT, and a reader that stopped there
    // would hand out a fraction of the data as if it were all of it.
    //
    // The single row of a lookup: true when there is one (read its columns), false when none.
    core::Result<bool> row();
    // `read()` at each row (it reads the columns); `read` returns void, or a Status that stops the
    // reading when it fails.
    template <class Read> core::Status eachRow(Read&& read) {
        int rc;
        while ((rc = step()) == SQLITE_ROW) {
            if constexpr (std::is_void_v<std::invoke_result_t<Read&>>) {
                read();
            } else if (auto st = read(); !st) {
                return st;
            }
        }
        return finished(rc);
    }

    std::string text(int col) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col))) : std::string();
    }
    std::string blob(int col) const {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col))) : std::string();
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(m_stmt, col); }
    double real(int col) const { return sqlite3_column_double(m_stmt, col); }
    sqlite3_stmt* raw() const { return m_stmt; }

  private:
    core::Status finished(int rc) const;
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

core::Error sqlError(sqlite3* db, const std::string& what);

// SAVEPOINT … RELEASE, rolled back unless commit() succeeded; nests inside a caller's BEGIN.
class Transaction {
  public:
    explicit Transaction(sqlite3* db);
    ~Transaction();
    bool began() const { return m_began; }
    core::Status commit();

  private:
    sqlite3* m_db;
    bool m_outermost; // no transaction was open when this one began
    bool m_began = false;
    bool m_done = false;
};

} // namespace tousu::store
