#include "app/attachments.h"

#include <algorithm>
#include <set>

#include "app/context.h"
#include "app/errors.h"
#include "core/attachment.h"
#include "core/sha256.h"
#include "core/workflow.h"
#include "store/attachment_store.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/statement.h"

namespace tousu::app {

using core::ErrorCode;
using core::makeError;

namespace {

constexpr DeviceSetting kMaxFile{
    "attachment_max_file_mb", 1, 100, core::kDefaultMaxFileMegabytes, "error.attachment_limit", "attachment_limit"};
constexpr DeviceSetting kMaxCase{
    "attachment_max_case_mb", 1, 2000, core::kDefaultMaxCaseMegabytes, "error.attachment_limit", "attachment_limit"};

bool supervises(core::Role role) { return role == core::Role::Supervisor || role == core::Role::Admin; }

// The bytes the case's files take (each file once, withdrawn ones too: their bytes stay).
std::int64_t caseBytes(const core::Case& c) {
    std::set<std::string> counted;
    std::int64_t total = 0;
    for (const core::Attachment& a : c.attachments)
        if (counted.insert(a.sha256).second) total += a.size;
    return total;
}

core::Error refuse(const char* key, std::string detail = {}) {
    return fieldError(key, "attachment", std::move(detail));
}

} // namespace

core::Result<std::string> Attachments::attach(const std::string& caseId, const std::string& name,
                                              std::string_view bytes) {
    if (auto st = m_ctx.requireRole(core::Action::Attach); !st) return st.error();
    if (auto wrong = core::attachmentNameError(name)) return invalid({*wrong});
    if (bytes.empty()) return refuse("error.attachment_empty", name);
    if (static_cast<std::int64_t>(bytes.size()) > maxFileMegabytes() * core::kMegabyte)
        return refuse("error.attachment_too_large", std::to_string(bytes.size()));
    store::Transaction tx(m_ctx.db->handle());
    if (!tx.began()) return store::sqlError(m_ctx.db->handle(), "begin");
    auto loaded = m_ctx.caseStore->loadCase(caseId);
    if (!loaded) return loaded.error();
    const core::Case& c = loaded.value();
    if (auto st = attachAllowed(c); !st) return st.error();
    const std::string sha = core::sha256Hex(bytes);
    const auto same = std::find_if(c.attachments.begin(), c.attachments.end(),
                                   [&](const core::Attachment& a) { return a.sha256 == sha && !a.withdrawn; });
    if (same != c.attachments.end()) return refuse("error.attachment_duplicate", same->name);
    const bool counted = std::any_of(c.attachments.begin(), c.attachments.end(),
                                     [&](const core::Attachment& a) { return a.sha256 == sha; });
    if (!counted && caseBytes(c) + static_cast<std::int64_t>(bytes.size()) > maxCaseMegabytes() * core::kMegabyte)
        return refuse("error.case_attachments_full", std::to_string(caseBytes(c)));
    if (auto stored = store::storeAttachment(*m_ctx.db, sha, bytes); !stored) return stored.error();
    const core::Event e = m_ctx.newEvent(caseId, core::code(core::Action::Attach), c.lastHlc,
                                         {{"attachment", sha},
                                          {"name", name},
                                          {"media_type", core::mediaTypeForName(name).value_or("")},
                                          {"size", std::to_string(bytes.size())}});
    if (auto st = m_ctx.caseStore->appendLocal(c, e); !st) return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    ++m_ctx.revision;
    return sha;
}

core::Status Attachments::withdraw(const std::string& caseId, const std::string& sha256, const std::string& reason) {
    if (auto st = m_ctx.requireRole(core::Action::WithdrawAttachment); !st) return st;
    if (auto st = validText("reason", reason); !st) return st;
    store::Transaction tx(m_ctx.db->handle());
    if (!tx.began()) return store::sqlError(m_ctx.db->handle(), "begin");
    auto loaded = m_ctx.caseStore->loadCase(caseId);
    if (!loaded) return loaded.error();
    const core::Case& c = loaded.value();
    const auto it = std::find_if(c.attachments.begin(), c.attachments.end(),
                                 [&](const core::Attachment& a) { return a.sha256 == sha256 && !a.withdrawn; });
    if (it == c.attachments.end()) return makeError(ErrorCode::NotFound, "error.attachment_not_found", sha256);
    if (auto st = withdrawAllowed(c, *it); !st) return st;
    const core::Event e = m_ctx.newEvent(caseId, core::code(core::Action::WithdrawAttachment), c.lastHlc,
                                         {{"attachment", sha256}, {"name", it->name}, {"reason", reason}});
    if (auto st = m_ctx.caseStore->appendLocal(c, e); !st) return st;
    if (auto st = tx.commit(); !st) return st;
    ++m_ctx.revision;
    return core::Ok{};
}

// On a closed case by supervisors and administrators only; never once the customer's data was erased.
core::Status Attachments::attachAllowed(const core::Case& c) const {
    if (c.erased) return makeError(ErrorCode::NotAllowed, "error.attach_erased");
    if (!core::isOpen(c.state) && !supervises(m_ctx.actor.role))
        return makeError(ErrorCode::NotAllowed, "error.attach_closed");
    return core::Ok{};
}

// By the person who attached it while the case is open; by supervisors and administrators always.
core::Status Attachments::withdrawAllowed(const core::Case& c, const core::Attachment& a) const {
    if (!supervises(m_ctx.actor.role) && (a.by != m_ctx.actor.staffId || !core::isOpen(c.state)))
        return makeError(ErrorCode::NotAllowed, "error.withdraw_not_yours");
    return core::Ok{};
}

bool Attachments::mayAttach(const core::Case& c) const {
    return m_ctx.requireRole(core::Action::Attach) && attachAllowed(c);
}

bool Attachments::mayWithdraw(const core::Case& c, const core::Attachment& a) const {
    return !a.withdrawn && m_ctx.requireRole(core::Action::WithdrawAttachment) && withdrawAllowed(c, a);
}

core::Result<std::string> Attachments::bytes(const std::string& sha256) const {
    return m_ctx.noteFault(store::readAttachment(*m_ctx.db, sha256));
}

bool Attachments::stored(const std::string& sha256) const {
    auto found = m_ctx.noteFault(store::hasAttachment(*m_ctx.db, sha256));
    return found && found.value();
}

int Attachments::maxFileMegabytes() const { return m_ctx.setting(kMaxFile); }
int Attachments::maxCaseMegabytes() const { return m_ctx.setting(kMaxCase); }
core::Status Attachments::setMaxFileMegabytes(int megabytes) { return m_ctx.setSetting(kMaxFile, megabytes); }
core::Status Attachments::setMaxCaseMegabytes(int megabytes) { return m_ctx.setSetting(kMaxCase, megabytes); }

} // namespace tousu::app
