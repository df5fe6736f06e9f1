#include "app/app.h"

#include "app/context.h"
#include "app/errors.h"
#include "app/reference_data.h"
#include "core/version.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/exchange.h"
#include "store/queries.h"
#include "store/statement.h"

namespace tousu::app {

using core::ErrorCode;
using core::makeError;

App::App(std::unique_ptr<Context> ctx)
    : m_ctx(std::move(ctx)), m_cases(*m_ctx), m_attachments(*m_ctx), m_access(*m_ctx), m_customers(*m_ctx),
      m_personalData(*m_ctx), m_settings(*m_ctx), m_suggestions(*m_ctx), m_exchange(*m_ctx), m_backups(*m_ctx),
      m_statistics(*m_ctx) {}

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
    auto ctx = Context::over(std::move(db), clock, seed);
    if (!ctx) return ctx.error();
    return std::unique_ptr<App>(new App(std::move(ctx.value())));
}

core::Status App::initialize(const std::string& officeCode, const std::string& officeName) {
    std::vector<core::Error> errors;
    if (auto e = officeCodeError(officeCode)) errors.push_back(*e);
    if (auto e = textError("office_name", officeName, true, kMaxNameLength)) errors.push_back(*e);
    if (!errors.empty()) return invalid(std::move(errors));
    Context& ctx = *m_ctx;
    if (!ctx.deviceId.empty()) return core::Ok{}; // already initialised
    if (auto refused = ctx.cannotWrite()) return *refused;
    store::Transaction tx(ctx.db->handle());
    ctx.deviceId = ctx.ids.uuid();
    ctx.officeCode = officeCode;
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"device_id", ctx.deviceId},
                                     {"office_code", officeCode},
                                     {"office_name", officeName}})
        if (auto st = store::setMeta(*ctx.db, key, value); !st) return st;
    std::vector<core::Event> events;
    for (const ReferenceItem& item : defaultReferenceData())
        events.push_back(Context::seedEvent(item.type, item.fields));
    for (const core::CategoryPolicy& p : ctx.policies.categories)
        events.push_back(Context::seedEvent(
            "ref.policy", {{"category", core::code(p.category)},
                           {"version", std::to_string(p.version)},
                           {"limits", core::encodeLimits(core::milestonesFor(ctx.policies, p.category))},
                           {"max_hours", std::to_string(p.maxHours)}}));
    if (auto r = ctx.caseStore->insertEvents(events); !r) return r.error();
    if (auto st = tx.commit(); !st) return st;
    ++ctx.revision;
    return core::Ok{};
}

core::Result<std::vector<core::AuditEntry>> App::auditLog(std::int64_t limit) const {
    if (auto st = m_ctx->permits(core::Operation::ReadAudit); !st) return st.error();
    return store::auditEntries(*m_ctx->db, limit);
}

core::Result<std::int64_t> App::auditCount() const {
    if (auto st = m_ctx->permits(core::Operation::ReadAudit); !st) return st.error();
    return store::auditCount(*m_ctx->db);
}

AppInfo App::info() const {
    return {core::version(), m_ctx->db->schemaVersion(), m_ctx->officeCode, m_ctx->meta("office_name").value_or(""),
            m_ctx->deviceId};
}

core::Status App::signIn(const std::string& staffId, const std::string& secret) {
    return becomePerson(staffId, &secret, std::nullopt);
}

void App::lock() {
    if (m_access.mode() == AccessMode::Secured) m_ctx->locked = true;
}
bool App::locked() const { return m_ctx->locked; }

core::Status App::signInAsServerUser(const std::string& staffId, std::optional<core::Role> role) {
    return becomePerson(staffId, nullptr, role);
}

// By secret (signIn), or by the sync server, which checked their password (no secret, and a locked
// desk stays locked: the server changes who the desk is, not whether it is open).
core::Status App::becomePerson(const std::string& staffId, const std::string* secret, std::optional<core::Role> role) {
    auto all = store::staff(*m_ctx->db);
    if (!all) return all.error();
    for (const core::StaffMember& s : all.value()) {
        if (s.id != staffId) continue;
        const auto recorded = core::roleFromCode(s.role);
        if (!recorded) return makeError(ErrorCode::InvalidInput, "error.unknown_person", staffId, "person");
        if (secret && m_access.mode() == AccessMode::Secured)
            if (auto st = m_access.check(staffId, *secret); !st) return st;
        const bool another = m_ctx->actor.staffId != s.id || (secret && m_ctx->locked);
        m_ctx->actor = {s.id, role.value_or(*recorded)};
        if (secret) m_ctx->locked = false;
        if (another) m_ctx->audit("sign_in", secret ? "" : "by the sync server");
        if (m_ctx->readOnly || lastSignedIn() == staffId) return core::Ok{};
        return store::setMeta(*m_ctx->db, "signed_in", staffId);
    }
    return makeError(ErrorCode::NotFound, "error.unknown_person", staffId, "person");
}

std::optional<std::string> App::lastSignedIn() const { return m_ctx->meta("signed_in"); }

const core::Clock& App::clock() const { return m_ctx->clock; }
const core::PolicySet& App::policies() const { return m_ctx->policies; }
const core::Calendar& App::calendar() const { return m_ctx->calendar; }
void App::setActor(Actor actor) { m_ctx->actor = std::move(actor); }
const Actor& App::actor() const { return m_ctx->actor; }
void App::setTrainingWorkspace() { m_ctx->trainingWorkspace = true; }
bool App::may(core::Operation operation) const { return m_ctx->permits(operation).ok(); }
bool App::seesWholeContacts() const { return m_settings.roleSeesWholeContacts(m_ctx->actor.role); }
std::uint64_t App::revision() const { return m_ctx->revision; }
SaveState App::saveState() const { return m_ctx->saveState; }
void App::setSaveState(SaveState s) { m_ctx->saveState = s; }
const std::optional<core::Error>& App::fault() const { return m_ctx->fault; }
bool App::readOnly() const { return m_ctx->readOnly; }
void App::setReadOnly(bool readOnly) { m_ctx->readOnly = readOnly; }

std::unique_ptr<Replication> App::replicate(ReplicationOptions options) {
    return std::make_unique<Replication>(*m_ctx, std::move(options));
}

core::Status App::beginBatch() { return m_ctx->db->beginBatch(); }
core::Status App::commitBatch() { return m_ctx->db->commitBatch(); }

core::Result<std::vector<std::string>> App::verify() const { return m_ctx->caseStore->verify(); }
core::Result<std::string> App::digest() const { return m_ctx->caseStore->digest(); }
std::vector<core::Department> App::departments() const { return m_ctx->departments(); }
std::vector<core::StaffMember> App::staff() const { return m_ctx->staff(); }
std::vector<core::SubType> App::subTypes() const { return m_ctx->subTypes(); }

} // namespace tousu::app
