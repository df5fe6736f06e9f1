#include "app/access.h"

#include <algorithm>
#include <cstdio>

#include "app/context.h"
#include "app/errors.h"
#include "core/pbkdf2.h"
#include "core/sha256.h"
#include "core/validate.h"
#include "store/database.h"
#include "store/queries.h"
#include "store/statement.h"

namespace tousu::app {

using core::ErrorCode;
using core::makeError;

namespace {

constexpr std::size_t kMaxSecretBytes = 200;
constexpr core::TimeMs kAdministratorLockOutMs = core::kHourMs;
constexpr DeviceSetting kIdleLock{"idle_lock_minutes",  1,          240, Access::kDefaultIdleMinutes,
                                  "error.idle_minutes", "idle_lock"};

// "pbkdf2-sha256$<rounds>$<salt>$<hash>": the rounds travel with the hash, so they can be raised
// for new secrets while old ones still check.
std::string hashSecret(const std::string& secret, const std::string& salt, int rounds) {
    return "pbkdf2-sha256$" + std::to_string(rounds) + "$" + salt + "$" +
           core::hexOf(core::pbkdf2Sha256(secret, salt, rounds, 32));
}

bool secretMatches(const std::string& stored, const std::string& secret) {
    int rounds = 0;
    char salt[65] = {};
    if (std::sscanf(stored.c_str(), "pbkdf2-sha256$%d$%64[^$]$", &rounds, salt) == 2 && rounds > 0 &&
        rounds <= 10'000'000)
        return core::equalInConstantTime(hashSecret(secret, salt, rounds), stored);
    // A PIN from before secrets were hashed slowly: "salt:sha256(salt:pin)".
    const std::size_t colon = stored.find(':');
    return colon != std::string::npos &&
           core::equalInConstantTime(core::sha256Hex(stored.substr(0, colon) + ":" + secret), stored.substr(colon + 1));
}

bool isAdministrator(const std::string& role) {
    const auto r = core::roleFromCode(role);
    return r && core::roleMay(*r, core::Operation::EditSettings);
}

// A PIN is 4–8 digits; anything else is a passphrase of at least 8 characters. Administrators need
// a passphrase.
std::optional<core::Error> secretError(const std::string& secret, bool administrator) {
    const bool digits =
        !secret.empty() && std::all_of(secret.begin(), secret.end(), [](char c) { return c >= '0' && c <= '9'; });
    const std::size_t length = core::utf8Length(secret);
    if (secret.size() > kMaxSecretBytes) return fieldError("error.secret_too_long", "secret");
    if (length >= 8) return std::nullopt;
    if (administrator) return fieldError("error.admin_passphrase_short", "secret");
    if (!digits || length < 4) return fieldError("error.secret_format", "secret");
    return std::nullopt;
}

std::string secretKey(const std::string& staffId) { return "pin." + staffId; }
std::string attemptsKey(const std::string& staffId) { return "sign_in_failures." + staffId; }

} // namespace

AccessMode Access::mode() const {
    const auto m = m_ctx.settingMeta("access_mode");
    if (m == "secured") return AccessMode::Secured;
    if (m == "single") return AccessMode::SinglePerson;
    return AccessMode::NotSetUp;
}

core::Status Access::secure(const std::string& adminId, const std::string& passphrase) {
    if (auto refused = m_ctx.cannotWrite()) return *refused;
    const AccessMode now = mode();
    if (now == AccessMode::Secured) return makeError(ErrorCode::NotAllowed, "error.access_set_up", "already secured");
    if (now == AccessMode::SinglePerson)
        if (auto st = m_ctx.requireAdmin(); !st) return st;
    const auto staff = m_ctx.staff();
    const auto member = std::find_if(staff.begin(), staff.end(), [&](const auto& s) { return s.id == adminId; });
    if (member == staff.end() || !isAdministrator(member->role))
        return makeError(ErrorCode::InvalidInput, "error.not_administrator", adminId, "person");
    if (auto e = secretError(passphrase, true)) return *e;
    store::Transaction tx(m_ctx.db->handle());
    if (auto st = storeSecret(adminId, passphrase); !st) return st;
    if (auto st = store::setMeta(*m_ctx.db, "access_mode", "secured"); !st) return st;
    m_ctx.audit("access_secured", adminId);
    if (auto st = tx.commit(); !st) return st;
    ++m_ctx.revision;
    return core::Ok{};
}

core::Status Access::useSinglePersonDesk() {
    if (auto refused = m_ctx.cannotWrite()) return *refused;
    if (mode() == AccessMode::Secured)
        if (auto st = m_ctx.requireAdmin(); !st) return st;
    store::Transaction tx(m_ctx.db->handle());
    if (auto st = store::setMeta(*m_ctx.db, "access_mode", "single"); !st) return st;
    m_ctx.audit("access_single_person", "");
    if (auto st = tx.commit(); !st) return st;
    ++m_ctx.revision;
    return core::Ok{};
}

bool Access::hasSecret(const std::string& staffId) const { return m_ctx.meta(secretKey(staffId)).has_value(); }

core::Status Access::setSecret(const std::string& staffId, const std::string& secret) {
    if (auto refused = m_ctx.cannotWrite()) return *refused;
    if (m_ctx.locked) return makeError(ErrorCode::NotAllowed, "error.desk_locked");
    if (staffId != m_ctx.actor.staffId && !m_ctx.permits(core::Operation::EditSettings))
        return makeError(ErrorCode::NotAllowed, "error.role_not_allowed", "only one's own secret");
    const auto staff = m_ctx.staff();
    const auto member = std::find_if(staff.begin(), staff.end(), [&](const auto& s) { return s.id == staffId; });
    if (member == staff.end()) return makeError(ErrorCode::NotFound, "error.unknown_person", staffId, "person");
    store::Transaction tx(m_ctx.db->handle());
    if (secret.empty()) {
        if (mode() == AccessMode::Secured) return fieldError("error.secret_required", "secret");
        if (auto st = store::deleteMeta(*m_ctx.db, secretKey(staffId)); !st) return st;
    } else {
        if (auto e = secretError(secret, isAdministrator(member->role))) return *e;
        if (auto st = storeSecret(staffId, secret); !st) return st;
    }
    m_ctx.audit(secret.empty() ? "pin_removed" : "pin_set", staffId);
    if (auto st = tx.commit(); !st) return st;
    ++m_ctx.revision;
    return core::Ok{};
}

core::Status Access::storeSecret(const std::string& staffId, const std::string& secret) {
    return store::setMeta(*m_ctx.db, secretKey(staffId), hashSecret(secret, m_ctx.ids.uuid(), kIterations));
}

SignInAttempts Access::attempts(const std::string& staffId) const {
    SignInAttempts a;
    long long last = 0;
    const auto stored = m_ctx.meta(attemptsKey(staffId));
    if (!stored || std::sscanf(stored->c_str(), "%d %lld", &a.failures, &last) != 2 || a.failures <= 0) return {};
    last = std::min<long long>(last, m_ctx.clock.now()); // a clock set back does not lengthen the wait
    if (a.failures >= kLockOutAfter) {
        const auto staff = m_ctx.staff();
        const auto member = std::find_if(staff.begin(), staff.end(), [&](const auto& s) { return s.id == staffId; });
        const bool administrator = member != staff.end() && isAdministrator(member->role);
        a.lockedOut = !administrator || m_ctx.clock.now() < last + kAdministratorLockOutMs;
        a.retryAt = administrator ? last + kAdministratorLockOutMs : 0;
        return a;
    }
    // 1 s after the first wrong entry, doubling: 256 s after the ninth.
    a.retryAt = last + (core::TimeMs{1000} << (a.failures - 1));
    return a;
}

void Access::recordAttempts(const std::string& staffId, const SignInAttempts& a) {
    if (m_ctx.cannotWrite()) return; // a read-only tab cannot count; the writing tab's desk does
    (void)(a.failures == 0 ? store::deleteMeta(*m_ctx.db, attemptsKey(staffId))
                           : store::setMeta(*m_ctx.db, attemptsKey(staffId),
                                            std::to_string(a.failures) + " " + std::to_string(m_ctx.clock.now())));
}

core::Status Access::unlock(const std::string& staffId) {
    if (auto st = m_ctx.requireAdmin(); !st) return st;
    if (m_ctx.locked) return makeError(ErrorCode::NotAllowed, "error.desk_locked");
    recordAttempts(staffId, {});
    m_ctx.audit("unlock", staffId);
    ++m_ctx.revision;
    return core::Ok{};
}

core::Status Access::check(const std::string& staffId, const std::string& secret) {
    const auto stored = m_ctx.meta(secretKey(staffId));
    if (!stored) return fieldError("error.no_secret", "secret");
    SignInAttempts a = attempts(staffId);
    if (a.lockedOut) return fieldError("error.locked_out", "secret");
    if (a.failures > 0 && m_ctx.clock.now() < a.retryAt) return fieldError("error.sign_in_wait", "secret");
    if (secretMatches(*stored, secret)) {
        if (a.failures > 0) recordAttempts(staffId, {});
        return core::Ok{};
    }
    ++a.failures;
    recordAttempts(staffId, a);
    m_ctx.audit(a.failures >= kLockOutAfter ? "sign_in_locked_out" : "sign_in_failed", staffId);
    return fieldError(a.failures >= kLockOutAfter ? "error.locked_out" : "error.wrong_pin", "secret");
}

int Access::idleLockMinutes() const { return m_ctx.setting(kIdleLock); }
core::Status Access::setIdleLockMinutes(int minutes) { return m_ctx.setSetting(kIdleLock, minutes); }

} // namespace tousu::app
