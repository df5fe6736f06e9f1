// Backup and restore: the database as one SQLite file, checked before it replaces anything.
#include "app/app.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/queries.h"

namespace tousu::app {

using core::ErrorCode;
using core::makeError;

core::Result<std::string> App::backup() {
    std::string image;
    if (auto st = backupTo([&](std::string_view piece) { image.append(piece); }); !st) return st.error();
    return image;
}

core::Status App::backupTo(const std::function<void(std::string_view)>& piece) {
    if (auto st = m_db->readImage(piece); !st) return st;
    if (!cannotWrite() && store::setMeta(*m_db, "last_backup_at", std::to_string(m_clock.now()))) ++m_revision;
    return core::Ok{};
}

std::optional<core::TimeMs> App::lastBackupAt() const {
    const auto text = meta("last_backup_at");
    if (!text) return std::nullopt;
    return std::strtoll(text->c_str(), nullptr, 10);
}

int App::backupReminderDays() const {
    const auto text = meta("backup_reminder_days");
    return text ? std::atoi(text->c_str()) : 7;
}

core::Status App::setBackupReminderDays(int days) {
    if (days < 1 || days > 90) return makeError(ErrorCode::InvalidInput, "error.limit_range", std::to_string(days));
    if (auto refused = cannotWrite()) return *refused;
    return store::setMeta(*m_db, "backup_reminder_days", std::to_string(days));
}

core::Result<BackupInfo> App::checkBackup(const std::string& bytes) const {
    auto db = store::Database::openImage(bytes);
    if (!db) return db.error();
    auto copy = over(std::move(db.value()), m_clock, 1);
    if (!copy) return copy.error();
    auto inconsistent = copy.value()->verify();
    if (!inconsistent) return inconsistent.error();
    if (!inconsistent.value().empty())
        return makeError(ErrorCode::InvalidInput, "error.backup_inconsistent", inconsistent.value().front());
    const AppInfo info = copy.value()->info();
    core::ListQuery all;
    all.limit = 0;
    auto cases = copy.value()->listCases(all);
    auto events = copy.value()->m_store->eventCount();
    if (!cases) return cases.error();
    if (!events) return events.error();
    return BackupInfo{info.officeCode, info.officeName, cases.value().total, events.value()};
}

core::Status App::restore(const std::string& bytes) {
    // Not cannotWrite(): a restore is the way out of a damaged database.
    if (m_readOnly) return makeError(ErrorCode::NotAllowed, "error.read_only");
    if (auto checked = checkBackup(bytes); !checked) return checked.error();
    auto source = store::Database::openImage(bytes); // migrated to this version's schema
    if (!source) return source.error();
    if (auto st = m_db->replaceWith(*source.value()); !st) return st;
    ++m_revision;
    m_fault.reset(); // every page is the backup's now
    return loadState();
}

} // namespace tousu::app
