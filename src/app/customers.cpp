#include "app/customers.h"

#include <algorithm>

#include "app/context.h"
#include "core/fold.h"
#include "store/case_store.h"
#include "store/queries.h"

namespace tousu::app {

namespace {

void addDistinct(std::vector<std::string>& into, const std::string& value) {
    if (!value.empty() && std::find(into.begin(), into.end(), value) == into.end()) into.push_back(value);
}

// Entries in which the customer was told something or reached: the case's side of the conversation.
bool isExchange(const std::string& type) {
    return type == "message" || type == "confirm" || type == "feedback" || type == "contact";
}

} // namespace

core::Result<CustomerRecord> Customers::record(const std::string& customerKey) const {
    if (customerKey.empty()) return core::makeError(core::ErrorCode::NotFound, "error.customer_not_found");
    core::ListQuery q;
    q.filter.customerKey = customerKey;
    q.limit = kMaxCases;
    q.sort = core::SortKey::Received;
    q.descending = true;
    q.now = m_ctx.clock.now();
    auto page = m_ctx.noteFault(store::listCases(*m_ctx.db, q));
    if (!page) return page.error();
    if (page.value().total == 0) return core::makeError(core::ErrorCode::NotFound, "error.customer_not_found");
    CustomerRecord r;
    r.key = customerKey;
    r.total = page.value().total;
    int counts[core::kCategoryCount] = {};
    for (const core::CaseRow& row : page.value().rows) {
        auto events = m_ctx.noteFault(m_ctx.caseStore->caseEvents(row.id));
        if (!events) return events.error();
        CustomerCase entry{core::foldEvents(events.value(), m_ctx.calendar), {}}; // read once: folded and listed
        core::Case& c = entry.c;
        c.number = row.number; // as shown
        if (!c.repeatOf.empty())
            if (auto shown = m_ctx.caseStore->shownNumber(c.repeatOf)) entry.repeatOfNumber = shown.value();
        ++counts[static_cast<int>(c.category)];
        addDistinct(r.names, c.customerName);
        addDistinct(r.phones, c.phone);
        addDistinct(r.accounts, c.account);
        addDistinct(r.emails, c.email);
        addDistinct(r.addresses, c.address);
        for (const core::Event& e : events.value())
            if (isExchange(e.type)) {
                const std::string text = core::getField(e.fields, e.type == "feedback" ? "result" : "text",
                                                        core::getField(e.fields, "note"));
                r.messages.push_back({c.id, c.number, e.type, core::getField(e.fields, "method"), text, e.actor,
                                      core::getInt(e.fields, "at", e.hlc.wall)});
            }
        r.cases.push_back(std::move(entry));
    }
    for (core::Category category : core::kCategories)
        if (const int n = counts[static_cast<int>(category)]) r.byCategory.push_back({core::code(category), n});
    std::stable_sort(r.messages.begin(), r.messages.end(),
                     [](const CustomerMessage& a, const CustomerMessage& b) { return a.at > b.at; });
    return r;
}

} // namespace tousu::app
