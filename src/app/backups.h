// Backup and restore: the database as one SQLite file, checked before it replaces anything.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"

namespace tousu::app {

struct Context;

// What a backup file holds, checked before it may replace anything.
struct BackupInfo {
    std::string officeCode, officeName;
    int cases = 0;
    std::int64_t events = 0;
};

class Backups {
  public:
    explicit Backups(Context& ctx) : m_ctx(ctx) {}

    // The whole database as a SQLite file; remembers when, for the backup reminder.
    core::Result<std::string> backup();
    // The same file in pieces of at most 128 KB as they are read (a large database is never copied whole).
    core::Status backupTo(const std::function<void(std::string_view piece)>& piece);
    std::optional<core::TimeMs> lastBackupAt() const;
    int backupReminderDays() const; // default 7
    core::Status setBackupReminderDays(int days);
    // Checks a backup file: SQLite, intact, ours, not newer, and every case consistent with its events.
    core::Result<BackupInfo> checkBackup(const std::string& bytes) const;
    // Replaces all data with a checked backup's, in one transaction; office identity, policies and
    // calendar are then the restored ones.
    core::Status restore(const std::string& bytes);

  private:
    Context& m_ctx;
};

} // namespace tousu::app
