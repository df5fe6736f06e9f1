// Training scenarios: every shipped scenario runs from start to end with each checkpoint met and no
// scripted step refused; the clock stops at pauses and checkpoints; in trainee mode the trainee's
// steps are left to them and the checkpoints check their work; bad scenario files are refused.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/training.h"

using namespace tousu;

namespace {

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

sync::Scenario shipped(const char* name) {
    auto s = sync::readScenario(readFile(std::filesystem::path(TOUSU_SOURCE_DIR) / "assets/scenarios" / name));
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().detail));
    return s.value();
}

constexpr core::TimeMs kHost = 1'000'000;

} // namespace

TEST_CASE("every shipped scenario runs to its end with every checkpoint met") {
    int scenarios = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(TOUSU_SOURCE_DIR) / "assets/scenarios")) {
        CAPTURE(entry.path().filename().string());
        auto parsed = sync::readScenario(readFile(entry.path()));
        REQUIRE(parsed.ok());
        CHECK_FALSE(parsed.value().title.en.empty());
        auto session = app::TrainingSession::start(parsed.value(), false, kHost);
        REQUIRE(session.ok());
        app::TrainingSession& t = *session.value();
        for (int guard = 0; !t.finished() && guard < 1000; ++guard) t.jumpToNextStop(kHost);
        CHECK(t.finished());
        CHECK(t.problems().empty());
        for (const std::string& p : t.problems()) MESSAGE(p);
        CHECK_FALSE(t.checks().empty());
        for (const app::CheckResult& c : t.checks()) {
            CAPTURE(c.step);
            CHECK(c.passed);
            for (const app::Mismatch& m : c.mismatches) MESSAGE(m.what << ": " << m.expected << " / " << m.actual);
        }
        ++scenarios;
    }
    CHECK(scenarios >= 4);
}

TEST_CASE("the simulated clock runs the script at its speed and stops at each pause or checkpoint") {
    auto session = app::TrainingSession::start(shipped("network-outage.json"), false, kHost);
    REQUIRE(session.ok());
    app::TrainingSession& t = *session.value();
    const core::TimeMs start = t.scenario().start;
    CHECK(t.caseNumber("A").rfind("TS-TR01-20260714-", 0) == 0); // minute 0 ran at once
    CHECK(t.caseNumber("B").empty());
    t.play(60); // one real second = one simulated minute
    t.advance(kHost + 5'000);
    CHECK(t.clock().now() == start + 5 * 60'000);
    CHECK_FALSE(t.caseNumber("B").empty()); // registered at minute 4
    t.advance(kHost + 60'000);              // would be minute 60: stops at the pause at minute 10
    REQUIRE(t.stop() != nullptr);
    CHECK(t.stop()->kind == sync::ScenarioStep::Kind::Pause);
    CHECK(t.clock().now() == start + 10 * 60'000);
    CHECK(t.rate() == 0);
    t.advance(kHost + 120'000); // paused: nothing moves
    CHECK(t.clock().now() == start + 10 * 60'000);
    t.jumpBy(25 * core::kHourMs, kHost + 120'000); // stops at the first checkpoint on the way
    REQUIRE(t.stop() != nullptr);
    CHECK(t.stop()->kind == sync::ScenarioStep::Kind::Check);
    CHECK(t.checks().size() == 1);
    CHECK(t.checks()[0].passed);
}

TEST_CASE("in trainee mode the trainee's steps wait for them and the checkpoint checks their work") {
    auto session = app::TrainingSession::start(shipped("repeat-complainant.json"), true, kHost);
    REQUIRE(session.ok());
    app::TrainingSession& t = *session.value();
    while (!t.finished()) {
        t.jumpToNextStop(kHost); // the trainee never records the follow-up visit
        if (t.stop() && t.stop()->atMinute == 4980) {
            t.jumpBy(12 * 60'000, kHost); // past the trainee's step (minute 4990): it is theirs to do
            REQUIRE(t.traineeTask() != nullptr);
            CHECK(t.traineeTask()->action == "follow_up");
        }
    }
    CHECK(t.problems().empty());
    REQUIRE(t.checks().size() == 2);
    CHECK(t.checks()[0].passed); // the repeat was flagged by the script's own steps
    CHECK_FALSE(t.checks()[1].passed);
    REQUIRE(t.checks()[1].mismatches.size() == 1);
    CHECK(t.checks()[1].mismatches[0].what == "state");
    CHECK(t.checks()[1].mismatches[0].expected == "investigating");
    CHECK(t.checks()[1].mismatches[0].actual == "surveyed");
}

TEST_CASE("the trainee's own action satisfies the checkpoint") {
    auto session = app::TrainingSession::start(shipped("repeat-complainant.json"), true, kHost);
    REQUIRE(session.ok());
    app::TrainingSession& t = *session.value();
    while (!(t.stop() && t.stop()->kind == sync::ScenarioStep::Kind::Pause && t.stop()->atMinute == 4980)) {
        REQUIRE_FALSE(t.finished());
        t.jumpToNextStop(kHost);
    }
    app::App& a = t.app();
    REQUIRE(a.signIn("s01").ok()); // the trainee, at the desk
    REQUIRE(a.cases().followUp(*a.cases().caseIdByNumber(t.caseNumber("A")), false, "还是卡").ok());
    while (!t.finished()) t.jumpToNextStop(kHost);
    CHECK(t.problems().empty());
    CHECK(t.checks().back().passed);
}

TEST_CASE("a bad scenario file is refused with the reason") {
    const auto detail = [](const std::string& json) {
        auto s = sync::readScenario(json);
        return s.ok() ? std::string("accepted") : s.error().detail;
    };
    const std::string head =
        R"({"format":"tousu.scenario","version":1,"id":"x","title":{"zh-CN":"测"},"start":"2026-07-14T08:00:00+08:00",)";
    CHECK(detail("{") == "not JSON");
    CHECK(detail(R"({"format":"tousu.bundle","version":1})") == "not a tousu.scenario file");
    CHECK(detail(R"({"format":"tousu.scenario","version":2})").find("version") != std::string::npos);
    CHECK(detail(head + R"("steps":[{"at":5,"pause":{}},{"at":1,"pause":{}}]})").find("time order") !=
          std::string::npos);
    CHECK(detail(head + R"("steps":[{"at":0,"do":"teleport","as":"s01","case":"A"}]})").find("teleport") !=
          std::string::npos);
    CHECK(detail(head + R"("steps":[{"at":0,"do":"confirm","as":"s01","case":"A"}]})").find("not registered") !=
          std::string::npos);
    CHECK(detail(head + R"("steps":[{"at":0,"check":{"case":"Z"}}]})").find("not registered") != std::string::npos);
    CHECK(detail(head + R"("steps":[{"at":"soon","pause":{}}]})").find("at") != std::string::npos);
    CHECK(detail(head + R"("steps":[]})") == "accepted");
    CHECK(sync::readScenario("{").error().messageKey == "error.scenario_invalid"); // the message the desk shows
}

TEST_CASE("a session saved as a scenario starts again with the same complaints at the same moment") {
    auto session = app::TrainingSession::start(shipped("network-outage.json"), false, kHost);
    REQUIRE(session.ok());
    app::TrainingSession& t = *session.value();
    for (int i = 0; i < 3; ++i) t.jumpToNextStop(kHost);
    auto text = t.snapshot();
    REQUIRE(text.ok());
    auto saved = sync::readScenario(text.value());
    REQUIRE(saved.ok());
    CHECK(saved.value().start == t.clock().now());
    CHECK(saved.value().steps.empty());
    auto again = app::TrainingSession::start(saved.value(), false, kHost);
    REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error().messageKey + " " + again.error().detail));
    app::App& a = again.value()->app();
    for (const char* label : {"A", "B", "C"}) {
        CAPTURE(label);
        const auto id = a.cases().caseIdByNumber(t.caseNumber(label));
        REQUIRE(id);
        CHECK(a.cases().caseById(*id).value().state ==
              t.app().cases().caseById(*t.app().cases().caseIdByNumber(t.caseNumber(label))).value().state);
    }
    const auto idA = *a.cases().caseIdByNumber(t.caseNumber("A"));
    CHECK(a.cases().timeline(idA).value().size() ==
          t.app().cases().timeline(*t.app().cases().caseIdByNumber(t.caseNumber("A"))).value().size());
}
