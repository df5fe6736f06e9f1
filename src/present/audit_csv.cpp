#include "present/audit_csv.h"

#include "app/app.h"
#include "present/format.h"
#include "present/i18n.h"
#include "sync/csv.h"

namespace tousu::present {

std::array<std::string, 4> auditCells(const core::AuditEntry& e, const ReferenceNames& names) {
    return {formatDateTime(e.at), names.person(e.actor), trCode("audit", e.action), e.detail};
}

core::Result<std::string> auditCsv(const app::App& app) {
    auto log = app.auditLog(-1);
    if (!log) return log.error();
    ReferenceNames names;
    names.refresh(app);
    std::string out = sync::kUtf8Bom;
    sync::appendCsvRow(out, {tr("audit.when"), tr("audit.who"), tr("audit.what"), tr("audit.detail")});
    for (const core::AuditEntry& e : log.value()) {
        const auto cells = auditCells(e, names);
        sync::appendCsvRow(out, {cells.begin(), cells.end()});
    }
    return out;
}

} // namespace tousu::present
