// Suggestions about the process: recorded, given a status, refused when empty, and kept the same in
// offices that exchange bundles (the later status wins everywhere).
#include <doctest/doctest.h>

#include "app/app.h"
#include "sync/bundle.h"

using namespace tousu;

namespace {

struct Office {
    core::SimulatedClock clock{core::parseIso8601("2026-11-28T09:00:00+08:00").value()};
    std::unique_ptr<app::App> app;
    Office(const char* code, std::uint64_t seed) : app(std::move(app::App::open(":memory:", clock, seed).value())) {
        REQUIRE(app->initialize(code, code).ok());
        REQUIRE(app->signIn("s09").ok());
    }
    void importFrom(Office& other) {
        auto bundle = other.app->exchange().exportBundle({});
        REQUIRE(bundle.ok());
        REQUIRE(app->exchange().importBundle(sync::readBundle(sync::writeBundle(bundle.value())).value(), true).ok());
    }
};

std::string fieldKey(const core::Error& e) {
    return e.fieldErrors.empty() ? e.messageKey : e.fieldErrors[0].messageKey;
}

} // namespace

TEST_CASE("a suggestion is recorded with who wrote it down and when, newest first, and its status changes") {
    Office a("A", 1);
    auto first = a.app->suggestions().add("customer", "希望短信确认里写明责任人的电话");
    REQUIRE(first.ok());
    a.clock.jumpBy(core::kHourMs);
    REQUIRE(a.app->suggestions().add("staff", "夜间受理的投诉第二天早上统一分派").ok());
    auto list = a.app->suggestions().list();
    REQUIRE(list.size() == 2);
    CHECK(list[0].source == "staff");
    CHECK(list[1].id == first.value());
    CHECK(list[1].author == "s09");
    CHECK(list[1].status == "new");
    CHECK(list[1].createdAt == core::parseIso8601("2026-11-28T09:00:00+08:00").value());
    REQUIRE(a.app->suggestions().setStatus(first.value(), "accepted").ok());
    CHECK(a.app->suggestions().list()[1].status == "accepted");
    CHECK(a.app->suggestions().list()[1].content == "希望短信确认里写明责任人的电话");
    CHECK(a.app->suggestions().list(a.clock.now(), INT64_MAX).size() == 1); // received from then on
}

TEST_CASE("an empty or unknown suggestion is refused and nothing is stored") {
    Office a("A", 1);
    CHECK(fieldKey(a.app->suggestions().add("staff", "  \n").error()) == "error.required");
    CHECK(fieldKey(a.app->suggestions().add("visitor", "内容").error()) == "error.required");
    CHECK(fieldKey(a.app->suggestions().add("staff", std::string(2001 * 3, 'x')).error()) == "error.too_long");
    CHECK(a.app->suggestions().setStatus("no-such-id", "done").error().messageKey == "error.suggestion_not_found");
    auto id = a.app->suggestions().add("staff", "内容");
    REQUIRE(id.ok());
    CHECK(fieldKey(a.app->suggestions().setStatus(id.value(), "maybe").error()) == "error.required");
    CHECK(a.app->suggestions().list().size() == 1);
}

TEST_CASE("suggestions travel with bundles and the later status wins in both offices") {
    Office a("A", 1), b("B", 2);
    auto id = a.app->suggestions().add("customer", "营业厅排队太久，希望增加线上预约");
    REQUIRE(id.ok());
    b.importFrom(a);
    REQUIRE(b.app->suggestions().list().size() == 1);
    a.clock.jumpBy(core::kHourMs);
    REQUIRE(a.app->suggestions().setStatus(id.value(), "declined").ok());
    b.clock.jumpBy(2 * core::kHourMs);
    REQUIRE(b.app->suggestions().setStatus(id.value(), "done").ok()); // later
    a.importFrom(b);
    b.importFrom(a);
    CHECK(a.app->suggestions().list()[0].status == "done");
    CHECK(b.app->suggestions().list()[0].status == "done");
    CHECK(a.app->digest().value() == b.app->digest().value());
}
