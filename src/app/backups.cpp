#include "app/backups.h"
#include "app/context.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/queries.h"
#include "store/statement.h"

namespace tousu::app {

using core::ErrorCode;
using core::makeError;

core::Result<std::string> Backups::backup() {
    std::string image;
    if (auto st = backupTo([&](std::string_view piece) { image.append(piece); }); !st) return st.error();
    return image;
}

core::Status Backups::backupTo(const std::function<void(std::string_view)>& piece) {
    if (auto st = m_ctx.permits(core::Operation::Backup); !st) return st;
    if (auto st = m_ctx.db->readImage(piece); !st) return st;
    if (m_ctx.cannotWrite()) return core::Ok{}; // a read-only tab backs up, and remembers nothing
    store::Transaction tx(m_ctx.db->handle());
    m_ctx.audit("backup", "");
    if (store::setMeta(*m_ctx.db, "last_backup_at", std::to_string(m_ctx.clock.now())) && tx.commit()) ++m_ctx.revision;
    return core::Ok{};
}

std::optional<core::TimeMs> Backups::lastBackupAt() const {
    const auto text = m_ctx.meta("last_backup_at");
    if (!text) return std::nullopt;
    return std::strtoll(text->c_str(), nullptr, 10);
}

int Backups::backupReminderDays() const {
    const auto text = m_ctx.meta("backup_reminder_days");
    return text ? std::atoi(text->c_str()) : 7;
}

core::Status Backups::setBackupReminderDays(int days) {
    if (days < 1 || days > 90) return makeError(ErrorCode::InvalidInput, "error.limit_range", std::to_string(days));
    if (auto refused = m_ctx.cannotWrite()) return *refused;
    return store::setMeta(*m_ctx.db, "backup_reminder_days", std::to_string(days));
}

core::Result<BackupInfo> Backups::checkBackup(const std::string& bytes) const {
    auto db = store::Database::openImage(bytes);
    if (!db) return db.error();
    auto copy = Context::over(std::move(db.value()), m_ctx.clock, 1);
    if (!copy) return copy.error();
    const store::CaseStore& copied = *copy.value()->caseStore;
    auto inconsistent = copied.verify();
    if (!inconsistent) return inconsistent.error();
    if (!inconsistent.value().empty())
        return makeError(ErrorCode::InvalidInput, "error.backup_inconsistent", inconsistent.value().front());
    auto officeName = store::getMeta(*copy.value()->db, "office_name");
    core::ListQuery all;
    all.limit = 0;
    auto cases = store::listCases(*copy.value()->db, all);
    auto events = copied.eventCount();
    if (!officeName) return officeName.error();
    if (!cases) return cases.error();
    if (!events) return events.error();
    return BackupInfo{copy.value()->officeCode, officeName.value().value_or(""), cases.value().total, events.value()};
}

core::Status Backups::restore(const std::string& bytes) {
    // Not cannotWrite(): a restore is the way out of a damaged database.
    if (m_ctx.readOnly) return makeError(ErrorCode::NotAllowed, "error.read_only");
    if (auto st = m_ctx.permits(core::Operation::Restore); !st) return st;
    auto checked = checkBackup(bytes);
    if (!checked) return checked.error();
    auto source = store::Database::openImage(bytes); // migrated to this version's schema
    if (!source) return source.error();
    if (auto st = m_ctx.db->replaceWith(*source.value()); !st) return st;
    ++m_ctx.revision;
    m_ctx.fault.reset(); // every page is the backup's now
    if (auto st = m_ctx.loadState(); !st) return st;
    m_ctx.audit("restore", "a backup of office " + checked.value().officeCode + ", " +
                               std::to_string(checked.value().cases) + " cases"); // in the restored log
    return core::Ok{};
}

} // namespace tousu::app
