// A SQLite connection that knows our schema: opening it migrates an older database to the current
// schema version in one transaction, and refuses a database written by a newer tousu.
// Depends on core and SQLite only.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tousu::store {

class Database {
  public:
    static constexpr int kSchemaVersion = 10;

    // path ":memory:" opens a private in-memory database; `vfs` names a registered SQLite VFS
    // (store/page_vfs.h in the browser), nullptr the default.
    // Create: a missing file becomes a new database. Existing: the file must be there and be ours
    // (error.not_tousu_database otherwise), so pointing a command at some other file changes nothing.
    enum class Mode { Create, Existing };
    static core::Result<std::unique_ptr<Database>> open(const std::string& path, const char* vfs = nullptr,
                                                        Mode mode = Mode::Create);
    // A private in-memory database from a SQLite file image (a backup), checked before anything is
    // migrated: a SQLite file (error.backup_not_sqlite), intact (error.backup_corrupt), written by
    // tousu (error.backup_not_tousu), not by a newer version (error.schema_too_new).
    static core::Result<std::unique_ptr<Database>> openImage(const std::string& bytes);
    // The whole database as a SQLite file image, in pieces of at most kImagePieceBytes read from the
    // database file under a read lock: a large database (1 GB at 200k cases) is never copied whole
    // in memory. Refused inside a transaction (the file would not be one committed state).
    static constexpr std::size_t kImagePieceBytes = 128 * 1024;
    using PieceSink = std::function<void(std::string_view piece)>;
    core::Status readImage(const PieceSink& piece) const;
    // Replaces this database's content with `source`'s in one transaction (SQLite's backup API).
    core::Status replaceWith(const Database& source);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    int schemaVersion() const;
    core::Status exec(const std::string& sql);
    // A transaction that takes the write lock at once, for many changes committed together.
    core::Status beginBatch() { return exec("BEGIN IMMEDIATE"); }
    core::Status commitBatch() { return exec("COMMIT"); }
    sqlite3* handle() const { return m_db; }
    // A prepared statement for this SQL text, prepared once and reused (see store::Statement).
    sqlite3_stmt* cachedStatement(const std::string& sql) const;

  private:
    explicit Database(sqlite3* db) : m_db(db) {}
    // Written by tousu: a schema version and meta.created_by = 'tousu'.
    bool isOurs() const;
    core::Status migrate();
    sqlite3* m_db;
    mutable std::unordered_map<std::string, sqlite3_stmt*> m_statements;
};

} // namespace tousu::store
