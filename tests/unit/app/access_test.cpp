// Signing in (app/access.h): a first start secures the desk with an administrator's passphrase or
// makes it a single-person desk; on a secured desk every sign-in needs the profile's secret, wrong
// entries wait longer and longer and then lock the profile out, a locked desk refuses everything, and
// secrets are kept only as slow salted hashes.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/app.h"

using namespace tousu;

namespace {

constexpr const char* kAdminPassphrase = "投诉台管理员2026";

struct Desk {
    core::SimulatedClock clock{core::parseIso8601("2026-11-28T09:00:00+08:00").value()};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 7).value());
    Desk() { REQUIRE(app->initialize("HQ", "总部").ok()); }
    // A secured desk with s10 (the administrator) signed in.
    void secure() {
        REQUIRE(app->access().secure("s10", kAdminPassphrase).ok());
        REQUIRE(app->signIn("s10", kAdminPassphrase).ok());
    }
    void wait(core::TimeMs ms) { clock.jumpBy(ms); }
};

std::string keyOf(const core::Error& e) { return e.fieldErrors.empty() ? e.messageKey : e.fieldErrors[0].messageKey; }

core::Registration complaint(core::TimeMs at) {
    return {"phone",           "张三", "13812345678", "", "phone", "家里宽带晚上经常断线",
            "service_quality", "",     "normal",      at, 0};
}

} // namespace

TEST_CASE("a first start is not set up, and until it is anyone may sign in as anyone") {
    Desk d;
    CHECK(d.app->access().mode() == app::AccessMode::NotSetUp);
    CHECK(d.app->signIn("s01").ok());
    d.app->lock(); // a desk that is not secured never locks
    CHECK_FALSE(d.app->locked());
}

TEST_CASE("securing needs an administrator's profile and a passphrase of at least 8 characters") {
    Desk d;
    CHECK(keyOf(d.app->access().secure("s01", kAdminPassphrase).error()) == "error.not_administrator");
    CHECK(keyOf(d.app->access().secure("s10", "1234").error()) == "error.admin_passphrase_short");
    CHECK(keyOf(d.app->access().secure("s10", "七个字的口令啊").error()) == "error.admin_passphrase_short");
    CHECK(d.app->access().mode() == app::AccessMode::NotSetUp);
    REQUIRE(d.app->access().secure("s10", "八个字的口令真好").ok());
    CHECK(d.app->access().mode() == app::AccessMode::Secured);
    CHECK(keyOf(d.app->access().secure("s10", kAdminPassphrase).error()) == "error.access_set_up");
}

TEST_CASE("on a secured desk nobody signs in without their secret, the administrator included") {
    Desk d;
    d.secure();
    CHECK(keyOf(d.app->signIn("s10").error()) == "error.wrong_pin");
    CHECK(keyOf(d.app->signIn("s01").error()) == "error.no_secret"); // nobody gave them one yet
    REQUIRE(d.app->access().setSecret("s01", "2580").ok());
    d.wait(2000); // past the first wrong entry's wait
    CHECK(keyOf(d.app->signIn("s01", "0852").error()) == "error.wrong_pin");
    CHECK(d.app->actor().staffId == "s10");
    d.wait(2000);
    REQUIRE(d.app->signIn("s01", "2580").ok());
    CHECK(d.app->actor().staffId == "s01");
    CHECK(d.app->actor().role == core::Role::Agent);
}

TEST_CASE("secrets: one's own or by an administrator, PINs of 4–8 digits, passphrases for administrators") {
    Desk d;
    d.secure();
    CHECK(keyOf(d.app->access().setSecret("s01", "12a4").error()) == "error.secret_format");
    CHECK(keyOf(d.app->access().setSecret("s01", "123").error()) == "error.secret_format");
    CHECK(keyOf(d.app->access().setSecret("s01", std::string(201, 'x')).error()) == "error.secret_too_long");
    CHECK(keyOf(d.app->access().setSecret("s10", "2468").error()) == "error.admin_passphrase_short");
    CHECK(keyOf(d.app->access().setSecret("s01", "").error()) == "error.secret_required");
    REQUIRE(d.app->access().setSecret("s01", "2580").ok());
    REQUIRE(d.app->access().setSecret("s02", "long enough phrase").ok());
    REQUIRE(d.app->signIn("s01", "2580").ok());
    CHECK(d.app->access().setSecret("s02", "1357").error().messageKey == "error.role_not_allowed");
    REQUIRE(d.app->access().setSecret("s01", "97531").ok()); // their own
    REQUIRE(d.app->signIn("s02", "long enough phrase").ok());
    REQUIRE(d.app->signIn("s01", "97531").ok());
}

TEST_CASE("a secret is kept only as a salted PBKDF2 hash: neither the database nor a backup holds it") {
    Desk d;
    d.secure();
    REQUIRE(d.app->access().setSecret("s03", "86420975"));
    REQUIRE(d.app->access().setSecret("s04", "86420975"));
    auto backup = d.app->backups().backup();
    REQUIRE(backup.ok());
    CHECK(backup.value().find("86420975") == std::string::npos);
    CHECK(backup.value().find(kAdminPassphrase) == std::string::npos);
    // The same secret twice gives two hashes (a salt each), both named with their rounds.
    std::size_t hashes = 0;
    for (std::size_t at = 0; (at = backup.value().find("pbkdf2-sha256$100000$", at)) != std::string::npos; ++at)
        ++hashes;
    CHECK(hashes == 3);
}

TEST_CASE("wrong entries wait 1 s, then 2, 4, 8 … and the tenth locks the profile out until unlocked") {
    Desk d;
    d.secure();
    REQUIRE(d.app->access().setSecret("s03", "4321"));
    core::TimeMs wait = 1000;
    for (int wrong = 1; wrong <= 9; ++wrong) {
        CHECK(keyOf(d.app->signIn("s03", "0000").error()) == "error.wrong_pin");
        const app::SignInAttempts a = d.app->access().attempts("s03");
        CHECK(a.failures == wrong);
        CHECK(a.retryAt == d.clock.now() + wait);
        // Too soon: refused without counting, even with the right PIN.
        d.wait(wait - 1);
        CHECK(keyOf(d.app->signIn("s03", "4321").error()) == "error.sign_in_wait");
        CHECK(d.app->access().attempts("s03").failures == wrong);
        d.wait(1);
        wait *= 2;
    }
    CHECK(keyOf(d.app->signIn("s03", "0000").error()) == "error.locked_out");
    CHECK(d.app->access().attempts("s03").lockedOut);
    d.wait(24 * core::kHourMs);
    CHECK(keyOf(d.app->signIn("s03", "4321").error()) == "error.locked_out"); // the right PIN, locked out still
    CHECK(d.app->actor().staffId == "s10");
    REQUIRE(d.app->access().unlock("s03").ok());
    CHECK(d.app->access().attempts("s03").failures == 0);
    REQUIRE(d.app->signIn("s03", "4321").ok());
    CHECK(d.app->access().unlock("s01").error().messageKey == "error.role_not_allowed"); // a handler may not
}

TEST_CASE("a right secret after a few wrong ones starts the count again") {
    Desk d;
    d.secure();
    REQUIRE(d.app->access().setSecret("s03", "4321"));
    for (int i = 0; i < 3; ++i) {
        CHECK_FALSE(d.app->signIn("s03", "1111").ok());
        d.wait(10'000);
    }
    REQUIRE(d.app->signIn("s03", "4321").ok());
    CHECK(d.app->access().attempts("s03").failures == 0);
}

TEST_CASE("an administrator locked out by wrong entries waits an hour, so a desk is never locked for good") {
    Desk d;
    d.secure();
    for (int i = 0; i < app::Access::kLockOutAfter; ++i) {
        (void)d.app->signIn("s10", "wrong passphrase");
        d.wait(600'000);
    }
    CHECK(d.app->access().attempts("s10").lockedOut);
    CHECK(keyOf(d.app->signIn("s10", kAdminPassphrase).error()) == "error.locked_out");
    d.wait(core::kHourMs);
    REQUIRE(d.app->signIn("s10", kAdminPassphrase).ok());
}

TEST_CASE("a locked desk refuses every operation until someone signs in with their secret") {
    Desk d;
    d.secure();
    d.app->lock();
    CHECK(d.app->locked());
    CHECK(d.app->cases().registerCase(complaint(d.clock.now())).error().messageKey == "error.desk_locked");
    CHECK(d.app->backups().backup().error().messageKey == "error.desk_locked");
    CHECK(d.app->settings().setOffice("SZ", "深圳").error().messageKey == "error.desk_locked");
    CHECK(d.app->access().setSecret("s10", "another passphrase").error().messageKey == "error.desk_locked");
    CHECK_FALSE(d.app->may(core::Operation::ExportMasked));
    // The sync server signing someone in changes who the desk is, not whether it is open.
    REQUIRE(d.app->signInAsServerUser("s09", std::nullopt).ok());
    CHECK(d.app->locked());
    CHECK_FALSE(d.app->signIn("s10", "not it at all").ok());
    CHECK(d.app->locked());
    d.wait(2000);
    REQUIRE(d.app->signIn("s10", kAdminPassphrase).ok());
    CHECK_FALSE(d.app->locked());
    CHECK(d.app->cases().registerCase(complaint(d.clock.now())).ok());
}

TEST_CASE("only an administrator of a secured desk makes it a single-person desk again") {
    Desk d;
    d.secure();
    REQUIRE(d.app->access().setSecret("s09", "13579"));
    REQUIRE(d.app->signIn("s09", "13579").ok());
    CHECK(d.app->access().useSinglePersonDesk().error().messageKey == "error.role_not_allowed");
    REQUIRE(d.app->signIn("s10", kAdminPassphrase).ok());
    REQUIRE(d.app->access().useSinglePersonDesk().ok());
    CHECK(d.app->signIn("s01").ok());
    // From single-person back to secured: an administrator, with their passphrase.
    CHECK(d.app->access().secure("s10", kAdminPassphrase).error().messageKey == "error.role_not_allowed");
    REQUIRE(d.app->signIn("s10").ok());
    REQUIRE(d.app->access().secure("s10", kAdminPassphrase).ok());
    CHECK_FALSE(d.app->signIn("s01").ok());
}

TEST_CASE("the idle lock is 15 minutes until an administrator sets 1–240") {
    Desk d;
    d.secure();
    CHECK(d.app->access().idleLockMinutes() == 15);
    CHECK(keyOf(d.app->access().setIdleLockMinutes(0).error()) == "error.idle_minutes");
    CHECK(keyOf(d.app->access().setIdleLockMinutes(241).error()) == "error.idle_minutes");
    REQUIRE(d.app->access().setIdleLockMinutes(5).ok());
    CHECK(d.app->access().idleLockMinutes() == 5);
    REQUIRE(d.app->access().setSecret("s01", "2580"));
    REQUIRE(d.app->signIn("s01", "2580").ok());
    CHECK(d.app->access().setIdleLockMinutes(30).error().messageKey == "error.role_not_allowed");
}

TEST_CASE("sign-ins, wrong entries, lock-outs and unlocks are in the audit log, never the secret") {
    Desk d;
    d.secure();
    REQUIRE(d.app->access().setSecret("s03", "4321"));
    for (int i = 0; i < app::Access::kLockOutAfter; ++i) {
        (void)d.app->signIn("s03", "9999");
        d.wait(600'000);
    }
    REQUIRE(d.app->access().unlock("s03").ok());
    std::vector<std::string> actions;
    const auto log = d.app->auditLog(-1);
    REQUIRE(log.ok());
    for (const auto& e : log.value()) {
        actions.push_back(e.action);
        CHECK(e.detail.find("4321") == std::string::npos);
        CHECK(e.detail.find("9999") == std::string::npos);
    }
    CHECK(std::count(actions.begin(), actions.end(), "sign_in_failed") == 9);
    CHECK(std::count(actions.begin(), actions.end(), "sign_in_locked_out") == 1);
    CHECK(std::count(actions.begin(), actions.end(), "unlock") == 1);
    CHECK(std::count(actions.begin(), actions.end(), "access_secured") == 1);
}
