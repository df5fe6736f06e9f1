#include "app/app.h"

#include <algorithm>

#include "app/errors.h"
#include "app/reference_data.h"
#include "core/deadline.h"
#include "core/version.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/exchange.h"
#include "store/queries.h"
#include "store/statement.h"

namespace tousu::app {

using core::Action;
using core::ErrorCode;
using core::Fields;
using core::makeError;

namespace {

// Each App's revisions start far from every other's, so a view model that cached one App's data
// re-reads when the desk switches to another (a training session and back).
std::uint64_t firstRevision() {
    static std::uint64_t next = 1;
    const std::uint64_t first = next;
    next += std::uint64_t{1} << 40;
    return first;
}

} // namespace

App::App(std::unique_ptr<store::Database> db, const core::Clock& clock, std::uint64_t seed)
    : m_db(std::move(db)), m_clock(clock), m_ids(seed), m_revision(firstRevision()) {
    m_store = std::make_unique<store::CaseStore>(*m_db, m_calendar);
}

App::~App() = default;

core::Result<std::unique_ptr<App>> App::open(const std::string& dbPath, const core::Clock& clock, std::uint64_t seed,
                                             const char* vfs) {
    auto db = store::Database::open(dbPath, vfs);
    if (!db) return db.error();
    return over(std::move(db.value()), clock, seed);
}

core::Result<std::unique_ptr<App>> App::openExisting(const std::string& dbPath, const core::Clock& clock,
                                                     std::uint64_t seed) {
    auto db = store::Database::open(dbPath, nullptr, store::Database::Mode::Existing);
    if (!db) return db.error();
    return over(std::move(db.value()), clock, seed);
}

core::Result<std::unique_ptr<App>> App::over(std::unique_ptr<store::Database> db, const core::Clock& clock,
                                             std::uint64_t seed) {
    std::unique_ptr<App> app(new App(std::move(db), clock, seed));
    if (auto st = app->loadState(); !st) return st.error();
    return app;
}

core::Status App::loadState() {
    // A read that fails here must fail the opening: a device id read as "none" would make start-up
    // write a new identity and default reference data over a damaged database.
    auto deviceId = store::getMeta(*m_db, "device_id");
    auto officeCode = store::getMeta(*m_db, "office_code");
    auto calendarTsv = store::getMeta(*m_db, "working_calendar");
    auto reproject = store::getMeta(*m_db, "reproject");
    auto latest = store::latestHlc(*m_db);
    for (const core::Error* e :
         {errorOf(deviceId), errorOf(officeCode), errorOf(calendarTsv), errorOf(reproject), errorOf(latest)})
        if (e) return *e;
    m_deviceId = deviceId.value().value_or("");
    m_officeCode = officeCode.value().value_or("HQ");
    m_policies = core::defaultPolicies();
    m_calendar = core::Calendar::clockHours();
    if (const auto& tsv = calendarTsv.value()) {
        auto parsed = core::parseWorkingCalendar(*tsv);
        if (!parsed) return parsed.error();
        m_workingCalendar = std::move(parsed.value());
        m_calendar = core::Calendar::working(m_workingCalendar);
        m_policies.workingHours = true;
    }
    if (auto st = loadPolicies(); !st) return st;
    if (reproject.value()) { // a migration added a projected column
        store::Transaction tx(m_db->handle());
        if (auto n = m_store->reprojectAll(); !n) return n.error();
        if (auto st = store::deleteMeta(*m_db, "reproject"); !st) return st;
        if (auto st = tx.commit(); !st) return st;
    }
    if (auto h = core::parseHlc(latest.value())) m_hlc.observe(h.value());
    return core::Ok{};
}

core::Status App::initialize(const std::string& officeCode, const std::string& officeName) {
    std::vector<core::Error> errors;
    if (auto e = officeCodeError(officeCode)) errors.push_back(*e);
    if (auto e = textError("office_name", officeName, true, kMaxNameLength)) errors.push_back(*e);
    if (!errors.empty()) return invalid(std::move(errors));
    if (!m_deviceId.empty()) return core::Ok{}; // already initialised
    if (auto refused = cannotWrite()) return *refused;
    store::Transaction tx(m_db->handle());
    m_deviceId = m_ids.uuid();
    m_officeCode = officeCode;
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"device_id", m_deviceId},
                                     {"office_code", officeCode},
                                     {"office_name", officeName}})
        if (auto st = store::setMeta(*m_db, key, value); !st) return st;
    std::vector<core::Event> events;
    for (const ReferenceItem& item : defaultReferenceData()) events.push_back(newEvent("", item.type, {}, item.fields));
    for (const core::CategoryPolicy& p : m_policies.categories)
        events.push_back(newEvent("", "ref.policy", {},
                                  {{"category", core::code(p.category)},
                                   {"version", std::to_string(p.version)},
                                   {"limits", core::encodeLimits(core::milestonesFor(m_policies, p.category))},
                                   {"max_hours", std::to_string(p.maxHours)}}));
    if (auto r = m_store->insertEvents(events); !r) return r.error();
    if (auto st = tx.commit(); !st) return st;
    ++m_revision;
    return core::Ok{};
}

AppInfo App::info() const {
    return {core::version(), m_db->schemaVersion(), m_officeCode, meta("office_name").value_or(""), m_deviceId};
}

core::Status App::signIn(const std::string& staffId, const std::string& pin) {
    auto all = store::staff(*m_db);
    if (!all) return all.error();
    for (const core::StaffMember& s : all.value()) {
        if (s.id != staffId) continue;
        const auto role = core::roleFromCode(s.role);
        if (!role) return makeError(ErrorCode::InvalidInput, "error.unknown_person", staffId, "person");
        if (!pinMatches(staffId, pin)) return fieldError("error.wrong_pin", "pin");
        m_actor = {s.id, *role};
        if (m_readOnly || lastSignedIn() == staffId) return core::Ok{};
        return store::setMeta(*m_db, "signed_in", staffId);
    }
    return makeError(ErrorCode::NotFound, "error.unknown_person", staffId, "person");
}

std::optional<std::string> App::lastSignedIn() const { return meta("signed_in"); }

core::Status App::loadPolicies() {
    auto rows = store::policies(*m_db);
    if (!rows) return rows.error();
    for (const store::PolicyRow& row : rows.value())
        if (const auto category = core::categoryFromCode(row.category))
            core::applyStoredPolicy(m_policies, *category, row.limits, row.maxHours, row.version);
    return core::Ok{};
}

std::optional<std::string> App::meta(const std::string& key) const { return orFault(store::getMeta(*m_db, key)); }

core::Status App::recordReference(const char* type, core::Fields fields) {
    if (auto refused = cannotWrite()) return *refused;
    store::Transaction tx(m_db->handle());
    if (auto r = m_store->insertEvents({newEvent("", type, {}, std::move(fields))}); !r) return r.error();
    if (auto st = tx.commit(); !st) return st;
    ++m_revision;
    return core::Ok{};
}

core::Status App::beginBatch() { return m_db->beginBatch(); }
core::Status App::commitBatch() { return m_db->commitBatch(); }

core::Event App::newEvent(const std::string& caseId, const std::string& type, core::Hlc prev, Fields fields) {
    core::Event e;
    e.hlc = m_hlc.tick(m_clock.now());
    e.id = m_ids.timeOrderedUuid(e.hlc.wall);
    e.caseId = caseId;
    e.origin = m_deviceId;
    e.actor = m_actor.staffId;
    e.type = type;
    e.prev = prev;
    fields["at"] = std::to_string(m_clock.now());
    e.fields = std::move(fields);
    return e;
}

std::optional<core::Error> App::cannotWrite() const {
    if (m_readOnly) return makeError(ErrorCode::NotAllowed, "error.read_only");
    if (m_fault) return *m_fault;
    return std::nullopt;
}

core::Status App::requireRole(Action action) const {
    if (auto refused = cannotWrite()) return *refused;
    if (core::roleMay(m_actor.role, action)) return core::Ok{};
    return makeError(ErrorCode::NotAllowed, "error.role_not_allowed",
                     std::string(core::code(m_actor.role)) + " may not " + core::code(action));
}

core::Status App::perform(const std::string& caseId, Action action, Fields fields) {
    if (auto st = requireRole(action); !st) return st;
    store::Transaction tx(m_db->handle());
    if (!tx.began()) return store::sqlError(m_db->handle(), "begin");
    auto c = m_store->loadCase(caseId);
    if (!c) return c.error();
    if (auto st = core::checkAllowed(c.value(), action); !st) return st;
    const core::Event e = newEvent(caseId, core::code(action), c.value().lastHlc, std::move(fields));
    if (auto st = m_store->appendLocal(c.value(), e); !st) return st;
    if (auto st = tx.commit(); !st) return st;
    ++m_revision;
    return core::Ok{};
}

// [SECTION] Actions

// A sub-type must be one of the category's (empty: not chosen yet).
std::optional<core::Error> App::subTypeError(const std::string& category, const std::string& subType) const {
    if (subType.empty()) return std::nullopt;
    const auto subs = subTypes();
    if (std::any_of(subs.begin(), subs.end(),
                    [&](const core::SubType& s) { return s.id == subType && s.category == category; }))
        return std::nullopt;
    return makeError(ErrorCode::InvalidInput, "error.unknown_sub_type", subType, "sub_type");
}

core::Result<CaseRef> App::registerCase(const core::Registration& r) {
    if (auto st = requireRole(Action::Register); !st) return st.error();
    auto errors = core::validateRegistration(r, m_clock.now());
    if (auto e = subTypeError(r.category, r.subType)) errors.push_back(*e);
    if (!errors.empty()) return invalid(std::move(errors));
    const std::string phone = r.phone.empty() ? "" : core::normalizePhone(r.phone).value();
    const std::string key = core::customerKey(phone, r.account);
    const core::Category category = *core::categoryFromCode(r.category);

    store::Transaction tx(m_db->handle());
    if (!tx.began()) return store::sqlError(m_db->handle(), "begin");
    const std::string prefix = core::caseNumberPrefix(m_officeCode, r.receivedAt);
    auto sequence = store::nextCaseSequence(*m_db, prefix);
    if (!sequence) return sequence.error();
    auto found = store::findRepeatOf(*m_db, key, r.category, r.receivedAt, repeatWindowMs());
    if (!found) return found.error();
    const std::optional<std::string>& repeatOf = found.value();
    CaseRef ref{m_ids.timeOrderedUuid(m_clock.now()), core::caseNumber(prefix, sequence.value()), repeatOf.has_value()};
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
             {"policy", r.category + "-v" + std::to_string(core::policyFor(m_policies, category)->version)},
             {"limits", core::encodeLimits(core::milestonesFor(m_policies, category))},
             {"working_hours", m_policies.workingHours ? "1" : "0"},
             {"repeat_of", repeatOf.value_or("")}};
    if (category == core::Category::Billing && r.chargeDate > 0 &&
        core::billingChargeTooOld(r.chargeDate, r.receivedAt, m_policies)) {
        f["charge_date"] = std::to_string(r.chargeDate);
        f["regulator_ineligible"] = "1";
    }
    const core::Event e = newEvent(ref.id, core::code(Action::Register), {}, std::move(f));
    if (auto st = m_store->appendLocal(core::Case{}, e); !st) return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    ++m_revision;
    return ref;
}

core::Status App::confirm(const std::string& caseId, const std::string& method, const std::string& text) {
    if (!core::contactMethodFromCode(method))
        return invalid({makeError(ErrorCode::InvalidInput, "error.required", method, "contact_method")});
    if (auto st = validText("confirmation_text", text, false); !st) return st;
    return perform(caseId, Action::Confirm, {{"method", method}, {"text", text}});
}

core::Status App::classify(const std::string& caseId, const std::string& category, const std::string& subType,
                           const std::string& importance) {
    const auto cat = core::categoryFromCode(category);
    std::vector<core::Error> errors;
    if (!cat) errors.push_back(makeError(ErrorCode::InvalidInput, "error.required", category, "category"));
    if (auto e = subTypeError(category, subType)) errors.push_back(*e);
    if (!importance.empty() && !core::importanceFromCode(importance))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.required", importance, "importance"));
    if (!errors.empty()) return invalid(std::move(errors));
    auto c = m_store->loadCase(caseId);
    if (!c) return c.error();
    Fields f{{"category", category}, {"sub_type", subType}, {"importance", importance}};
    // A corrected category takes that category's limits under the current policy.
    if (*cat != c.value().category) f["limits"] = core::encodeLimits(core::milestonesFor(m_policies, *cat));
    return perform(caseId, Action::Classify, std::move(f));
}

core::Status App::dispatch(const std::string& caseId, const std::string& department, const std::string& person,
                           core::TimeMs expectedAt) {
    std::vector<core::Error> errors;
    if (!hasId(departments(), department))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.unknown_department", department, "department"));
    if (!hasId(staff(), person))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.unknown_person", person, "person"));
    if (expectedAt < m_clock.now() - core::kClockSkewMs)
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.in_past", {}, "expected_at"));
    if (!errors.empty()) return invalid(std::move(errors));
    return perform(caseId, Action::Dispatch,
                   {{"department", department}, {"person", person}, {"expected_at", std::to_string(expectedAt)}});
}

core::Status App::investigate(const std::string& caseId, const std::string& note) {
    if (auto st = validText("note", note); !st) return st;
    return perform(caseId, Action::Investigate, {{"note", note}});
}

core::Status App::recordContact(const std::string& caseId, const std::string& method, const std::string& note) {
    if (!core::contactMethodFromCode(method))
        return invalid({makeError(ErrorCode::InvalidInput, "error.required", method, "contact_method")});
    if (auto st = validText("note", note); !st) return st;
    return perform(caseId, Action::RecordContact, {{"method", method}, {"note", note}});
}

core::Status App::waitForCustomer(const std::string& caseId, const std::string& reason) {
    if (auto st = validText("reason", reason); !st) return st;
    return perform(caseId, Action::WaitForCustomer, {{"reason", reason}});
}

core::Status App::customerResponded(const std::string& caseId, const std::string& note) {
    if (auto st = validText("note", note, false); !st) return st;
    return perform(caseId, Action::CustomerResponded, {{"note", note}});
}

core::Status App::proposeSolution(const std::string& caseId, const std::string& solution) {
    if (auto st = validText("solution", solution); !st) return st;
    return perform(caseId, Action::ProposeSolution, {{"solution", solution}});
}

core::Status App::rejectSolution(const std::string& caseId, const std::string& reason) {
    if (auto st = validText("reason", reason); !st) return st;
    return perform(caseId, Action::RejectSolution, {{"reason", reason}});
}

core::Status App::implement(const std::string& caseId, const std::string& step) {
    if (auto st = validText("step", step); !st) return st;
    return perform(caseId, Action::Implement, {{"step", step}});
}

core::Status App::feedback(const std::string& caseId, const std::string& result, const std::string& method) {
    std::vector<core::Error> errors;
    if (auto e = textError("result", result)) errors.push_back(*e);
    if (!core::contactMethodFromCode(method))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.required", method, "contact_method"));
    if (!errors.empty()) return invalid(std::move(errors));
    return perform(caseId, Action::Feedback, {{"result", result}, {"method", method}});
}

core::Status App::survey(const std::string& caseId, int rating, const std::string& comment, bool declined) {
    if (!declined && (rating < 1 || rating > 5))
        return invalid({makeError(ErrorCode::InvalidInput, "error.rating_range", std::to_string(rating), "rating")});
    if (auto st = validText("comment", comment, false); !st) return st;
    return perform(caseId, Action::Survey,
                   {{"rating", declined ? "0" : std::to_string(rating)},
                    {"comment", comment},
                    {"declined", declined ? "1" : "0"}});
}

core::Status App::archive(const std::string& caseId) { return perform(caseId, Action::Archive, {}); }

core::Status App::followUp(const std::string& caseId, bool resolved, const std::string& note) {
    if (auto st = validText("note", note); !st) return st;
    return perform(caseId, Action::FollowUp, {{"resolved", resolved ? "1" : "0"}, {"note", note}});
}

core::Status App::reopen(const std::string& caseId, const std::string& reason) {
    if (auto st = validText("reason", reason); !st) return st;
    return perform(caseId, Action::Reopen, {{"reason", reason}});
}

core::Status App::reassign(const std::string& caseId, const std::string& department, const std::string& person,
                           const std::string& reason) {
    std::vector<core::Error> errors;
    if (!hasId(staff(), person))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.unknown_person", person, "person"));
    if (auto e = textError("reason", reason)) errors.push_back(*e);
    if (!errors.empty()) return invalid(std::move(errors));
    return perform(caseId, Action::Reassign, {{"department", department}, {"person", person}, {"reason", reason}});
}

core::Status App::cancel(const std::string& caseId, const std::string& reason) {
    if (auto st = validText("reason", reason); !st) return st;
    return perform(caseId, Action::Cancel, {{"reason", reason}});
}

core::Status App::merge(const std::string& caseId, const std::string& intoNumber, const std::string& reason) {
    std::vector<core::Error> errors;
    const auto target = caseIdByNumber(intoNumber);
    if (!target || *target == caseId)
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.unknown_case", intoNumber, "into"));
    if (auto e = textError("reason", reason)) errors.push_back(*e);
    if (!errors.empty()) return invalid(std::move(errors));
    return perform(caseId, Action::Merge, {{"into", intoNumber}, {"reason", reason}});
}

core::Status App::setDeadline(const std::string& caseId, const std::string& milestone, int limitHours,
                              const std::string& reason) {
    auto c = m_store->loadCase(caseId);
    if (!c) return c.error();
    const core::CategoryPolicy* policy = core::policyFor(m_policies, c.value().category);
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

core::Result<int> App::recordEscalations() {
    auto open = store::openCasesWithDeadlines(*m_db);
    if (!open) return open.error();
    const Actor saved = m_actor;
    m_actor = {"system", core::Role::Admin};
    int recorded = 0;
    for (const std::string& id : open.value()) {
        auto c = m_store->loadCase(id);
        if (!c) continue;
        const core::Calendar cal = c.value().workingHours ? m_calendar : core::Calendar::clockHours();
        const int level = core::escalationLevel(c.value(), m_clock.now(), cal, m_policies.escalationShares);
        if (level > c.value().escalationLevel && perform(id, Action::Escalate, {{"level", std::to_string(level)}}))
            ++recorded;
    }
    m_actor = saved;
    return recorded;
}

// [SECTION] Reads

core::Result<core::Case> App::caseById(const std::string& caseId) const { return noteFault(m_store->loadCase(caseId)); }
core::Result<std::vector<core::Event>> App::timeline(const std::string& caseId) const {
    return noteFault(m_store->caseEvents(caseId));
}
std::optional<std::string> App::caseIdByNumber(const std::string& number) const {
    return orFault(m_store->caseIdByNumber(number));
}

core::Result<core::CasePage> App::listCases(core::ListQuery query) const {
    query.now = m_clock.now();
    query.nearShare = m_policies.nearShare;
    return noteFault(store::listCases(*m_db, query));
}

CustomerHistory App::customerHistory(const std::string& phone, const std::string& account, const std::string& category,
                                     core::TimeMs receivedAt) const {
    CustomerHistory h;
    const auto normalized = core::normalizePhone(phone);
    const std::string key = core::customerKey(normalized ? normalized.value() : std::string(), account);
    if (key.empty()) return h;
    core::ListQuery q;
    q.filter.customerKey = key;
    q.limit = kHistoryRows;
    if (auto page = listCases(q)) h.total = page.value().total, h.recent = std::move(page.value().rows);
    const auto repeatOf = orFault(store::findRepeatOf(*m_db, key, category, receivedAt, repeatWindowMs()));
    if (repeatOf)
        if (auto earlier = caseById(*repeatOf)) h.repeatOfNumber = earlier.value().number;
    return h;
}

core::Result<core::KpiReport> App::kpis(core::TimeMs from, core::TimeMs to, const core::AnalysisFilter& filter) const {
    auto rows = noteFault(store::kpiRows(*m_db, from, to));
    if (!rows) return rows.error();
    core::KpiReport report;
    for (const core::KpiRow& r : rows.value())
        if (filter.matches(r)) core::addToKpis(report, r, m_clock.now());
    return report;
}

core::Result<core::Dashboard> App::dashboard(core::Period period, const core::AnalysisFilter& filter) const {
    auto rows = noteFault(store::kpiRows(*m_db, period.previous().from, period.to));
    if (!rows) return rows.error();
    core::DashboardBuilder builder(period, filter, m_clock.now());
    for (const core::KpiRow& r : rows.value()) builder.add(r);
    return builder.finish();
}

core::Result<std::vector<core::KpiRow>> App::kpiRowsChunk(core::Period period, core::KpiCursor& cursor,
                                                          int limit) const {
    return noteFault(store::kpiRowsChunk(*m_db, period.from, period.to, cursor, limit));
}

int App::countReceived(core::Period period) const {
    return orFault(store::countReceived(*m_db, period.from, period.to));
}

core::Result<std::vector<core::NamedCount>> App::countBy(const char* column) const {
    return store::countBy(*m_db, column);
}
core::Result<std::vector<std::string>> App::verify() const { return m_store->verify(); }
core::Result<std::string> App::digest() const { return m_store->digest(); }
std::vector<core::Department> App::departments() const { return orFault(store::departments(*m_db)); }
std::vector<core::StaffMember> App::staff() const { return orFault(store::staff(*m_db)); }
std::vector<core::SubType> App::subTypes() const { return orFault(store::subTypes(*m_db)); }

core::TimeMs App::repeatWindowMs() const {
    return static_cast<core::TimeMs>(m_policies.repeatWindowDays) * 24 * core::kHourMs;
}

} // namespace tousu::app
