// Who may open the desk (README, "Signing in"): an office's desk is secured — every profile signs in
// with its own secret (a PIN of 4–8 digits, or a passphrase of 8 characters or more; administrators
// need a passphrase), wrong entries are slowed and then locked out, and an idle desk locks — unless
// the first start chose the single-person desk, which gives that up. Secrets are PBKDF2-SHA256 hashes
// with a salt each, kept on this device only (meta, never events, never bundles).
#pragma once
#include <string>

#include "core/result.h"
#include "core/time.h"

namespace tousu::app {

struct Context;

enum class AccessMode {
    NotSetUp,     // a first start (or a desk from before secrets): the desk asks which it is to be
    SinglePerson, // one person's desk: anyone at it may act as anyone, nothing locks
    Secured,      // every profile signs in with its secret
};

// One profile's wrong entries: the next try is allowed at `retryAt`; after kLockOutAfter in a row
// the profile is locked out until an administrator unlocks it (an administrator's own profile
// after an hour, so a desk is never locked for good).
struct SignInAttempts {
    int failures = 0;
    core::TimeMs retryAt = 0;
    bool lockedOut = false;
};

class Access {
  public:
    static constexpr int kLockOutAfter = 10;
    static constexpr int kIterations = 100000; // PBKDF2 rounds for new secrets (README, "Signing in")
    static constexpr int kDefaultIdleMinutes = 15;

    explicit Access(Context& ctx) : m_ctx(ctx) {}

    AccessMode mode() const;
    // Secures the desk with an administrator's passphrase: at a first start (anyone may, there is no
    // one yet), or later by an administrator of a single-person desk. Signing in is then App::signIn.
    core::Status secure(const std::string& adminId, const std::string& passphrase);
    // One person's desk: at a first start, or by an administrator of a secured desk.
    core::Status useSinglePersonDesk();

    bool hasSecret(const std::string& staffId) const;
    // Set by the person themselves or by an administrator (a new colleague's first secret, a
    // forgotten one). A secured desk keeps one for everyone: it cannot be removed there.
    core::Status setSecret(const std::string& staffId, const std::string& secret);
    SignInAttempts attempts(const std::string& staffId) const;
    core::Status unlock(const std::string& staffId); // administrators: the wrong entries forgotten

    // Minutes without input after which a secured desk locks (1–240).
    int idleLockMinutes() const;
    core::Status setIdleLockMinutes(int minutes);

    // For App::signIn on a secured desk: whether `secret` is the profile's, counting wrong entries
    // (refused outright while the profile must wait or is locked out).
    core::Status check(const std::string& staffId, const std::string& secret);

  private:
    void recordAttempts(const std::string& staffId, const SignInAttempts& a);
    core::Status storeSecret(const std::string& staffId, const std::string& secret);

    Context& m_ctx;
};

} // namespace tousu::app
