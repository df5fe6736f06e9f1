#include "app/personal_data.h"

#include <algorithm>

#include "app/context.h"
#include "app/errors.h"
#include "core/workflow.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/queries.h"
#include "store/statement.h"

namespace tousu::app {

using core::ErrorCode;
using core::makeError;

namespace {

constexpr core::TimeMs kRetentionYearMs = 365LL * 24 * core::kHourMs;

constexpr DeviceSetting kRetention{"retention_years",       1,          30, PersonalData::kDefaultRetentionYears,
                                   "error.retention_years", "retention"};

bool closed(const std::string& state) { return state == "archived" || state == "cancelled"; }

} // namespace

core::Result<ErasurePreview> PersonalData::preview(const std::string& caseId) const {
    auto c = m_ctx.caseStore->loadCase(caseId);
    if (!c) return c.error();
    std::vector<store::CustomerCase> cases;
    if (!c.value().customerKey.empty()) {
        auto found = store::casesOfCustomer(*m_ctx.db, c.value().customerKey);
        if (!found) return found.error();
        cases = std::move(found.value());
    } else {
        cases.push_back({caseId, c.value().number, core::code(c.value().state)});
    }
    ErasurePreview p;
    for (const auto& row : cases) {
        p.numbers.push_back(row.number);
        if (!closed(row.state)) ++p.open;
    }
    return p;
}

core::Result<int> PersonalData::eraseCustomer(const std::string& caseId) {
    if (auto st = m_ctx.requireRole(core::Action::Erase); !st) return st.error();
    auto c = m_ctx.caseStore->loadCase(caseId);
    if (!c) return c.error();
    if (c.value().erased) return makeError(ErrorCode::InvalidInput, "error.already_erased", caseId);
    std::vector<std::string> ids;
    if (c.value().customerKey.empty()) {
        if (!closed(core::code(c.value().state)))
            return makeError(ErrorCode::NotAllowed, "error.erase_open_cases", "1 open");
        ids.push_back(caseId);
    } else {
        auto cases = store::casesOfCustomer(*m_ctx.db, c.value().customerKey);
        if (!cases) return cases.error();
        const auto open = std::count_if(cases.value().begin(), cases.value().end(),
                                        [](const store::CustomerCase& r) { return !closed(r.state); });
        if (open > 0) return makeError(ErrorCode::NotAllowed, "error.erase_open_cases", std::to_string(open) + " open");
        for (const auto& r : cases.value()) ids.push_back(r.id);
    }
    return erase(ids, "request");
}

core::Result<int> PersonalData::erase(const std::vector<std::string>& caseIds, const char* reason) {
    store::Transaction tx(m_ctx.db->handle());
    if (!tx.began()) return store::sqlError(m_ctx.db->handle(), "begin");
    std::vector<core::Event> events;
    for (const std::string& id : caseIds) {
        auto c = m_ctx.caseStore->loadCase(id);
        if (!c) return c.error();
        events.push_back(m_ctx.newEvent(id, core::code(core::Action::Erase), c.value().lastHlc, {{"reason", reason}}));
    }
    // Stored like an arrival: each case re-folded, its events rewritten redacted, the index compacted.
    if (auto done = m_ctx.caseStore->insertEvents(events); !done) return done.error();
    m_ctx.audit("erase", std::string(reason) + ", " + std::to_string(caseIds.size()) + " cases");
    if (auto st = tx.commit(); !st) return st.error();
    ++m_ctx.revision;
    return static_cast<int>(caseIds.size());
}

int PersonalData::retentionYears() const { return m_ctx.setting(kRetention); }
core::Status PersonalData::setRetentionYears(int years) { return m_ctx.setSetting(kRetention, years); }

core::Result<int> PersonalData::retentionDue() const {
    auto due = m_ctx.noteFault(
        store::closedUnerasedBefore(*m_ctx.db, m_ctx.clock.now() - retentionYears() * kRetentionYearMs, -1));
    if (!due) return due.error();
    return static_cast<int>(due.value().size());
}

core::Result<int> PersonalData::eraseDue(int batch) {
    if (auto st = m_ctx.requireRole(core::Action::Erase); !st) return st.error();
    auto due = store::closedUnerasedBefore(*m_ctx.db, m_ctx.clock.now() - retentionYears() * kRetentionYearMs, batch);
    if (!due) return due.error();
    if (due.value().empty()) return 0;
    return erase(due.value(), "retention");
}

} // namespace tousu::app
