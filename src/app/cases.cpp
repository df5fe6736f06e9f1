#include "app/cases.h"

#include <algorithm>
#include <limits>

#include "app/context.h"
#include "app/errors.h"
#include "app/reference_data.h"
#include "core/amend.h"
#include "core/deadline.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/queries.h"
#include "store/statement.h"

namespace tousu::app {

using core::Action;
using core::ErrorCode;
using core::Fields;
using core::getField;
using core::makeError;

// Each action asks for the role first, before it reads or checks anything: a person who may not act
// learns that, not what is wrong with the form.
core::Status Cases::perform(const std::string& caseId, Action action, Fields fields) {
    if (auto st = m_ctx.requireRole(action); !st) return st;
    store::Transaction tx(m_ctx.db->handle());
    if (!tx.began()) return store::sqlError(m_ctx.db->handle(), "begin");
    auto c = m_ctx.caseStore->loadCase(caseId);
    if (!c) return c.error();
    if (auto st = core::checkAllowed(c.value(), action); !st) return st;
    const core::Event e = m_ctx.newEvent(caseId, core::code(action), c.value().lastHlc, std::move(fields));
    if (auto st = m_ctx.caseStore->appendLocal(c.value(), e); !st) return st;
    if (auto st = tx.commit(); !st) return st;
    ++m_ctx.revision;
    return core::Ok{};
}

// [SECTION] Actions

// A sub-type must be one of the category's (empty: not chosen yet).
std::optional<core::Error> Cases::subTypeError(const std::string& category, const std::string& subType) const {
    if (subType.empty()) return std::nullopt;
    const auto subs = m_ctx.subTypes();
    if (std::any_of(subs.begin(), subs.end(),
                    [&](const core::SubType& s) { return s.id == subType && s.category == category; }))
        return std::nullopt;
    return makeError(ErrorCode::InvalidInput, "error.unknown_sub_type", subType, "sub_type");
}

core::Result<CaseRef> Cases::registerCase(const core::Registration& r) {
    if (auto st = m_ctx.requireRole(Action::Register); !st) return st.error();
    auto errors = core::validateRegistration(r, m_ctx.clock.now());
    if (auto e = subTypeError(r.category, r.subType)) errors.push_back(*e);
    if (!errors.empty()) return invalid(std::move(errors));
    const std::string phone = r.phone.empty() ? "" : core::normalizePhone(r.phone).value();
    const std::string key = core::customerKey(phone, r.account);
    const core::Category category = *core::categoryFromCode(r.category);

    store::Transaction tx(m_ctx.db->handle());
    if (!tx.began()) return store::sqlError(m_ctx.db->handle(), "begin");
    const std::string prefix = core::caseNumberPrefix(m_ctx.officeCode, r.receivedAt);
    auto sequence = store::nextCaseSequence(*m_ctx.db, prefix);
    if (!sequence) return sequence.error();
    auto found = store::findRepeatOf(*m_ctx.db, key, r.category, r.receivedAt, m_ctx.repeatWindowMs());
    if (!found) return found.error();
    const std::optional<std::string>& repeatOf = found.value();
    CaseRef ref{m_ctx.ids.timeOrderedUuid(m_ctx.clock.now()), core::caseNumber(prefix, sequence.value()),
                repeatOf.has_value()};
    Fields f{{"number", ref.number},
             {"channel", r.channel},
             {"customer_name", r.customerName},
             {"phone", phone},
             {"account", r.account},
             {"customer_key", key},
             {"contact_method", r.contactMethod},
             {"content", r.content},
             {"received_at", std::to_string(r.receivedAt)},
             {"category", r.category},
             {"sub_type", r.subType},
             {"importance", r.importance.empty() ? "normal" : r.importance},
             {"policy", r.category + "-v" + std::to_string(core::policyFor(m_ctx.policies, category)->version)},
             {"limits", core::encodeLimits(core::milestonesFor(m_ctx.policies, category))},
             {"working_hours", m_ctx.policies.workingHours ? "1" : "0"},
             {"repeat_of", repeatOf.value_or("")}};
    if (!r.email.empty()) f["email"] = r.email;
    if (!r.address.empty()) f["address"] = r.address;
    if (category == core::Category::Billing && r.chargeDate > 0 &&
        core::billingChargeTooOld(r.chargeDate, r.receivedAt, m_ctx.policies)) {
        f["charge_date"] = std::to_string(r.chargeDate);
        f["regulator_ineligible"] = "1";
    }
    const core::Event e = m_ctx.newEvent(ref.id, core::code(Action::Register), {}, std::move(f));
    if (auto st = m_ctx.caseStore->appendLocal(core::Case{}, e); !st) return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    ++m_ctx.revision;
    return ref;
}

core::Status Cases::confirm(const std::string& caseId, const std::string& method, const std::string& text) {
    if (auto st = m_ctx.requireRole(Action::Confirm); !st) return st;
    if (!core::contactMethodFromCode(method))
        return invalid({makeError(ErrorCode::InvalidInput, "error.required", method, "contact_method")});
    if (auto st = validText("confirmation_text", text, false); !st) return st;
    return perform(caseId, Action::Confirm, {{"method", method}, {"text", text}});
}

core::Status Cases::classify(const std::string& caseId, const std::string& category, const std::string& subType,
                             const std::string& importance) {
    if (auto st = m_ctx.requireRole(Action::Classify); !st) return st;
    const auto cat = core::categoryFromCode(category);
    std::vector<core::Error> errors;
    if (!cat) errors.push_back(makeError(ErrorCode::InvalidInput, "error.required", category, "category"));
    if (auto e = subTypeError(category, subType)) errors.push_back(*e);
    if (!importance.empty() && !core::importanceFromCode(importance))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.required", importance, "importance"));
    if (!errors.empty()) return invalid(std::move(errors));
    auto c = m_ctx.caseStore->loadCase(caseId);
    if (!c) return c.error();
    Fields f{{"category", category}, {"sub_type", subType}, {"importance", importance}};
    // A corrected category takes that category's limits under the current policy.
    if (*cat != c.value().category) f["limits"] = core::encodeLimits(core::milestonesFor(m_ctx.policies, *cat));
    return perform(caseId, Action::Classify, std::move(f));
}

core::Status Cases::dispatch(const std::string& caseId, const std::string& department, const std::string& person,
                             core::TimeMs expectedAt) {
    if (auto st = m_ctx.requireRole(Action::Dispatch); !st) return st;
    std::vector<core::Error> errors;
    if (!hasId(m_ctx.departments(), department))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.unknown_department", department, "department"));
    if (!hasId(m_ctx.staff(), person))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.unknown_person", person, "person"));
    if (expectedAt < m_ctx.clock.now() - core::kClockSkewMs)
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.in_past", {}, "expected_at"));
    else if (expectedAt > m_ctx.clock.now() + core::kYearMs)
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.over_a_year", {}, "expected_at"));
    if (!errors.empty()) return invalid(std::move(errors));
    return perform(caseId, Action::Dispatch,
                   {{"department", department}, {"person", person}, {"expected_at", std::to_string(expectedAt)}});
}

core::Status Cases::investigate(const std::string& caseId, const std::string& note) {
    if (auto st = m_ctx.requireRole(Action::Investigate); !st) return st;
    if (auto st = validText("note", note); !st) return st;
    return perform(caseId, Action::Investigate, {{"note", note}});
}

core::Status Cases::recordContact(const std::string& caseId, const std::string& method, const std::string& note) {
    if (auto st = m_ctx.requireRole(Action::RecordContact); !st) return st;
    if (!core::contactMethodFromCode(method))
        return invalid({makeError(ErrorCode::InvalidInput, "error.required", method, "contact_method")});
    if (auto st = validText("note", note); !st) return st;
    return perform(caseId, Action::RecordContact, {{"method", method}, {"note", note}});
}

core::Status Cases::waitForCustomer(const std::string& caseId, const std::string& reason) {
    if (auto st = m_ctx.requireRole(Action::WaitForCustomer); !st) return st;
    if (auto st = validText("reason", reason); !st) return st;
    return perform(caseId, Action::WaitForCustomer, {{"reason", reason}});
}

core::Status Cases::customerResponded(const std::string& caseId, const std::string& note) {
    if (auto st = m_ctx.requireRole(Action::CustomerResponded); !st) return st;
    if (auto st = validText("note", note, false); !st) return st;
    return perform(caseId, Action::CustomerResponded, {{"note", note}});
}

core::Status Cases::proposeSolution(const std::string& caseId, const std::string& solution) {
    if (auto st = m_ctx.requireRole(Action::ProposeSolution); !st) return st;
    if (auto st = validText("solution", solution); !st) return st;
    return perform(caseId, Action::ProposeSolution, {{"solution", solution}});
}

core::Status Cases::rejectSolution(const std::string& caseId, const std::string& reason) {
    if (auto st = m_ctx.requireRole(Action::RejectSolution); !st) return st;
    if (auto st = validText("reason", reason); !st) return st;
    return perform(caseId, Action::RejectSolution, {{"reason", reason}});
}

core::Status Cases::implement(const std::string& caseId, const std::string& step) {
    if (auto st = m_ctx.requireRole(Action::Implement); !st) return st;
    if (auto st = validText("step", step); !st) return st;
    return perform(caseId, Action::Implement, {{"step", step}});
}

core::Status Cases::feedback(const std::string& caseId, const std::string& result, const std::string& method) {
    if (auto st = m_ctx.requireRole(Action::Feedback); !st) return st;
    std::vector<core::Error> errors;
    if (auto e = textError("result", result)) errors.push_back(*e);
    if (!core::contactMethodFromCode(method))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.required", method, "contact_method"));
    if (!errors.empty()) return invalid(std::move(errors));
    return perform(caseId, Action::Feedback, {{"result", result}, {"method", method}});
}

core::Status Cases::survey(const std::string& caseId, int rating, const std::string& comment, bool declined) {
    if (auto st = m_ctx.requireRole(Action::Survey); !st) return st;
    if (!declined && (rating < 1 || rating > 5))
        return invalid({makeError(ErrorCode::InvalidInput, "error.rating_range", std::to_string(rating), "rating")});
    if (auto st = validText("comment", comment, false); !st) return st;
    return perform(caseId, Action::Survey,
                   {{"rating", declined ? "0" : std::to_string(rating)},
                    {"comment", comment},
                    {"declined", declined ? "1" : "0"}});
}

core::Status Cases::archive(const std::string& caseId) { return perform(caseId, Action::Archive, {}); }

core::Status Cases::followUp(const std::string& caseId, bool resolved, const std::string& note) {
    if (auto st = m_ctx.requireRole(Action::FollowUp); !st) return st;
    if (auto st = validText("note", note); !st) return st;
    return perform(caseId, Action::FollowUp, {{"resolved", resolved ? "1" : "0"}, {"note", note}});
}

core::Status Cases::reopen(const std::string& caseId, const std::string& reason) {
    if (auto st = m_ctx.requireRole(Action::Reopen); !st) return st;
    if (auto st = validText("reason", reason); !st) return st;
    return perform(caseId, Action::Reopen, {{"reason", reason}});
}

core::Status Cases::reassignmentValid(const std::string& person, const std::string& reason) const {
    std::vector<core::Error> errors;
    if (!hasId(m_ctx.staff(), person))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.unknown_person", person, "person"));
    if (auto e = textError("reason", reason)) errors.push_back(*e);
    if (!errors.empty()) return invalid(std::move(errors));
    return core::Ok{};
}

core::Status Cases::reassign(const std::string& caseId, const std::string& department, const std::string& person,
                             const std::string& reason) {
    if (auto st = m_ctx.requireRole(Action::Reassign); !st) return st;
    if (auto st = reassignmentValid(person, reason); !st) return st;
    return perform(caseId, Action::Reassign, {{"department", department}, {"person", person}, {"reason", reason}});
}

core::Status Cases::reassignMany(const std::vector<std::string>& caseIds, const std::string& department,
                                 const std::string& person, const std::string& reason) {
    if (auto st = m_ctx.requireRole(Action::Reassign); !st) return st;
    if (auto st = reassignmentValid(person, reason); !st) return st;
    store::Transaction tx(m_ctx.db->handle());
    if (!tx.began()) return store::sqlError(m_ctx.db->handle(), "begin");
    for (const std::string& id : caseIds) {
        auto c = m_ctx.caseStore->loadCase(id);
        if (!c) return c.error();
        if (auto st = core::checkAllowed(c.value(), Action::Reassign); !st) {
            auto shown = m_ctx.caseStore->shownNumber(id);
            return makeError(ErrorCode::NotAllowed, "error.reassign_not_allowed",
                             shown ? shown.value() : c.value().number);
        }
        const core::Event e = m_ctx.newEvent(id, core::code(Action::Reassign), c.value().lastHlc,
                                             {{"department", department}, {"person", person}, {"reason", reason}});
        if (auto st = m_ctx.caseStore->appendLocal(c.value(), e); !st) return st;
    }
    if (auto st = tx.commit(); !st) return st;
    ++m_ctx.revision;
    return core::Ok{};
}

core::Status Cases::cancel(const std::string& caseId, const std::string& reason) {
    if (auto st = m_ctx.requireRole(Action::Cancel); !st) return st;
    if (auto st = validText("reason", reason); !st) return st;
    return perform(caseId, Action::Cancel, {{"reason", reason}});
}

core::Status Cases::merge(const std::string& caseId, const std::string& intoNumber, const std::string& reason) {
    if (auto st = m_ctx.requireRole(Action::Merge); !st) return st;
    std::vector<core::Error> errors;
    const auto target = caseIdByNumber(intoNumber);
    if (!target || *target == caseId)
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.unknown_case", intoNumber, "into"));
    if (auto e = textError("reason", reason)) errors.push_back(*e);
    if (!errors.empty()) return invalid(std::move(errors));
    return perform(caseId, Action::Merge, {{"into", intoNumber}, {"reason", reason}});
}

core::Status Cases::setDeadline(const std::string& caseId, const std::string& milestone, int limitHours,
                                const std::string& reason) {
    if (auto st = m_ctx.requireRole(Action::SetDeadline); !st) return st;
    auto c = m_ctx.caseStore->loadCase(caseId);
    if (!c) return c.error();
    const core::CategoryPolicy* policy = core::policyFor(m_ctx.policies, c.value().category);
    std::vector<core::Error> errors;
    if (!core::milestoneFromCode(milestone))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.required", milestone, "milestone"));
    if (limitHours < 1 || (policy && limitHours > policy->maxHours))
        errors.push_back(
            makeError(ErrorCode::InvalidInput, "error.limit_range", std::to_string(limitHours), "limit_hours"));
    if (auto e = textError("reason", reason)) errors.push_back(*e);
    if (!errors.empty()) return invalid(std::move(errors));
    return perform(
        caseId, Action::SetDeadline,
        {{"milestone", milestone}, {"limit_ms", std::to_string(limitHours * core::kHourMs)}, {"reason", reason}});
}

core::Status Cases::amend(const std::string& caseId, const core::Fields& changes, const std::string& reason) {
    if (auto st = m_ctx.requireRole(Action::Amend); !st) return st;
    auto loaded = m_ctx.caseStore->loadCase(caseId);
    if (!loaded) return loaded.error();
    const core::Case& c = loaded.value();
    if (c.erased) return makeError(ErrorCode::NotAllowed, "error.amend_erased");
    // Supervisors correct any case; the person who registered it, their own while it is open.
    const core::Role role = m_ctx.actor.role;
    if (role != core::Role::Supervisor && role != core::Role::Admin &&
        (c.registeredBy != m_ctx.actor.staffId || !core::isOpen(c.state)))
        return makeError(ErrorCode::NotAllowed, "error.amend_not_yours");
    auto errors = core::amendmentErrors(c, changes, m_ctx.clock.now());
    if (auto e = textError("reason", reason)) errors.push_back(*e);
    if (!errors.empty()) return invalid(std::move(errors));
    Fields f = core::amendmentFields(c, changes);
    if (f.empty()) return makeError(ErrorCode::InvalidInput, "error.nothing_amended");
    if (f.count("customer_key") || f.count("received_at")) { // the complaint this one repeats follows
        const std::string key = getField(f, "customer_key", c.customerKey);
        const core::TimeMs received = core::getInt(f, "received_at", c.receivedAt);
        auto found =
            store::findRepeatOf(*m_ctx.db, key, core::code(c.category), received, m_ctx.repeatWindowMs(), caseId);
        if (!found) return found.error();
        if (const std::string repeatOf = found.value().value_or(""); repeatOf != c.repeatOf) {
            f["repeat_of"] = repeatOf;
            f[std::string(core::kOldPrefix) + "repeat_of"] = c.repeatOf;
        }
    }
    f["reason"] = reason;
    return perform(caseId, Action::Amend, std::move(f));
}

core::Status Cases::addNote(const std::string& caseId, const std::string& note) {
    if (auto st = m_ctx.requireRole(Action::Note); !st) return st;
    if (auto st = validText("note", note); !st) return st;
    return perform(caseId, Action::Note, {{"note", note}});
}

core::Status Cases::messageCustomer(const std::string& caseId, const std::string& method, const std::string& text) {
    if (auto st = m_ctx.requireRole(Action::Message); !st) return st;
    std::vector<core::Error> errors;
    if (!core::contactMethodFromCode(method))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.required", method, "contact_method"));
    if (auto e = textError("text", text)) errors.push_back(*e);
    if (!errors.empty()) return invalid(std::move(errors));
    return perform(caseId, Action::Message, {{"method", method}, {"text", text}});
}

core::Result<int> Cases::recordEscalations() {
    auto open = store::openCasesWithDeadlines(*m_ctx.db);
    if (!open) return open.error();
    const Actor saved = m_ctx.actor;
    m_ctx.actor = {"system", core::Role::Admin};
    int recorded = 0;
    for (const std::string& id : open.value()) {
        auto c = m_ctx.caseStore->loadCase(id);
        if (!c) continue;
        const core::Calendar cal = c.value().workingHours ? m_ctx.calendar : core::Calendar::clockHours();
        const int level = core::escalationLevel(c.value(), m_ctx.clock.now(), cal, m_ctx.policies.escalationShares);
        if (level > c.value().escalationLevel && perform(id, Action::Escalate, {{"level", std::to_string(level)}}))
            ++recorded;
    }
    m_ctx.actor = saved;
    return recorded;
}

// [SECTION] Reads

core::Result<core::Case> Cases::caseById(const std::string& caseId) const {
    auto c = m_ctx.noteFault(m_ctx.caseStore->loadCase(caseId));
    if (!c) return c;
    auto shown = m_ctx.noteFault(m_ctx.caseStore->shownNumber(caseId));
    if (!shown) return shown.error();
    if (!shown.value().empty()) c.value().number = shown.value();
    return c;
}
core::Result<std::vector<core::Event>> Cases::timeline(const std::string& caseId) const {
    return m_ctx.noteFault(m_ctx.caseStore->caseEvents(caseId));
}
std::optional<std::string> Cases::caseIdByNumber(const std::string& number) const {
    return m_ctx.orFault(m_ctx.caseStore->caseIdByNumber(number));
}

Assignee Cases::suggestAssignee(const std::string& category, const std::string& subType) const {
    Assignee a;
    const auto departments = m_ctx.departments();
    // The office's habit: the sub-type's first (when one is given), then the category's.
    const auto habit = [&](const std::string& sub) -> std::string {
        for (const core::NamedCount& d : m_ctx.orFault(store::departmentsDispatchedTo(*m_ctx.db, category, sub)))
            if (hasId(departments, d.key)) return d.key;
        return {};
    };
    if (!subType.empty()) a.department = habit(subType);
    if (a.department.empty()) a.department = habit("");
    if (a.department.empty() && hasId(departments, defaultDepartmentFor(category)))
        a.department = defaultDepartmentFor(category);
    const auto load = m_ctx.orFault(store::openCasesByPerson(*m_ctx.db));
    const auto openOf = [&](const std::string& id) {
        const auto it = std::find_if(load.begin(), load.end(), [&](const core::NamedCount& n) { return n.key == id; });
        return it == load.end() ? 0 : it->count;
    };
    int fewest = std::numeric_limits<int>::max();
    for (const core::StaffMember& s : m_ctx.staff())
        if (s.department == a.department && s.role == core::code(core::Role::Handler) && openOf(s.id) < fewest)
            a.person = s.id, fewest = openOf(s.id);
    return a;
}

core::Result<core::CasePage> Cases::listCases(core::ListQuery query) const {
    query.now = m_ctx.clock.now();
    query.nearShare = m_ctx.policies.nearShare;
    return m_ctx.noteFault(store::listCases(*m_ctx.db, query));
}

CustomerHistory Cases::customerHistory(const std::string& phone, const std::string& account,
                                       const std::string& category, core::TimeMs receivedAt) const {
    CustomerHistory h;
    const auto normalized = core::normalizePhone(phone);
    const std::string key = core::customerKey(normalized ? normalized.value() : std::string(), account);
    if (key.empty()) return h;
    h.key = key;
    core::ListQuery q;
    q.filter.customerKey = key;
    q.limit = kHistoryRows;
    if (auto page = listCases(q)) h.total = page.value().total, h.recent = std::move(page.value().rows);
    const auto repeatOf =
        m_ctx.orFault(store::findRepeatOf(*m_ctx.db, key, category, receivedAt, m_ctx.repeatWindowMs()));
    if (repeatOf)
        if (auto earlier = caseById(*repeatOf)) h.repeatOfNumber = earlier.value().number;
    return h;
}

} // namespace tousu::app
