#include "present/case_csv.h"

#include <algorithm>

#include "app/app.h"
#include "core/validate.h"
#include "present/format.h"
#include "present/i18n.h"
#include "present/reference_names.h"
#include "sync/csv.h"

namespace tousu::present {

core::Result<std::string> caseListCsv(const app::App& app, const core::ListFilter& filter, bool fullPhones) {
    ReferenceNames names;
    names.refresh(app);
    std::string out = sync::kUtf8Bom;
    sync::appendCsvRow(out,
                       {tr("col.number"), tr("col.received"), tr("field.customer_name"), tr("field.customer_phone"),
                        tr("field.channel"), tr("col.category"), tr("col.state"), tr("col.department"),
                        tr("col.person"), tr("col.due"), tr("col.time_left"), tr("col.repeat"), tr("col.concurrent")});
    const core::TimeMs now = app.clock().now();
    core::ListQuery q;
    q.filter = filter;
    q.limit = 2000;
    q.now = now;
    for (;; q.offset += q.limit) {
        auto page = app.cases().listCases(q);
        if (!page) return page.error();
        for (const core::CaseRow& r : page.value().rows) {
            const bool timed = r.nextDue > 0 && !r.paused;
            sync::appendCsvRow(out, {r.number, formatDateTime(r.receivedAt), r.customerName,
                                     fullPhones ? r.phone : core::maskPhone(r.phone), trCode("channel", r.channel),
                                     trCode("category", r.category), trCode("state", r.state),
                                     names.department(r.department), names.person(r.person),
                                     timed ? formatDateTime(r.nextDue) : "",
                                     r.paused ? tr("time.paused")
                                     : timed  ? formatRemaining(r.nextDue - now)
                                              : "",
                                     r.repeat ? tr("csv.yes") : "", r.concurrentEdit ? tr("csv.yes") : ""});
        }
        if (static_cast<int>(page.value().rows.size()) < q.limit) break;
    }
    return out;
}

std::size_t caseCount(const std::string& csv) {
    const auto lines = std::size_t(std::count(csv.begin(), csv.end(), '\n'));
    return lines ? lines - 1 : 0;
}

} // namespace tousu::present
