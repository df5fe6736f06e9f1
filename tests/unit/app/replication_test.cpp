// What the replication does with each answer a CouchDB server or the network can give: the
// refusals it names, the pauses before a retry, and where it goes on after a sign-in that expired.
// The answers are CouchDB's own (status and body); tests/e2e/couchdb.test.js runs the same code
// against a real server.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/fields.h"

#include "app/app.h"
#include "app/replication.h"
#include "sync/couch.h"

using namespace tousu;
using app::HttpAnswer;
using app::SyncLane;
using app::SyncPhase;

namespace {

constexpr const char* kServer = "http://127.0.0.1:5984/office";

struct Desk {
    core::SimulatedClock clock{core::parseIso8601("2026-11-28T09:00:00+08:00").value()};
    std::unique_ptr<app::App> app;
    explicit Desk(std::uint64_t seed) : app(std::move(app::App::open(":memory:", clock, seed).value())) {
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        app->setActor({"s09", core::Role::Supervisor});
    }
    void registerCase(const char* content) {
        REQUIRE(app->cases()
                    .registerCase({"phone", "王芳", "13800138000", "", "phone", content, "billing", "bill_error",
                                   "normal", clock.now()})
                    .ok());
    }
    std::int64_t caseCount() { return app->cases().listCases({}).value().total; }
};

std::string messageOf(const app::Replication& r) { return r.status().problem ? r.status().problem->messageKey : ""; }

// The server's _changes over `events`, as CouchDB answers `since`/`limit` (seqs are their positions).
HttpAnswer changesAnswer(const std::vector<core::Event>& events, const std::string& path) {
    const auto number = [&](const char* key) {
        const auto at = path.find(key);
        return std::stoul(path.substr(at + std::string(key).size()));
    };
    const std::size_t since = number("since="), limit = number("limit=");
    nlohmann::json rows = nlohmann::json::array();
    std::size_t last = since;
    for (std::size_t i = since; i < events.size() && i < since + limit; ++i, last = i) {
        const core::Event& e = events[i];
        rows.push_back({{"seq", std::to_string(i + 1)},
                        {"id", e.id},
                        {"changes", {{{"rev", sync::couch::revisionOf(e)}}}},
                        {"doc", sync::couch::eventDocument(e)}});
    }
    return {200, nlohmann::json{{"results", rows}, {"last_seq", std::to_string(last)}}.dump(), ""};
}

// GET /{db}: how many changes the server has (update_seq), in CouchDB 3's opaque form.
HttpAnswer databaseInfo(std::size_t changes) {
    return {200,
            R"({"db_name":"office","update_seq":")" + std::to_string(changes) + R"(-g1AAAAFTeJzLYWBg","doc_count":1})",
            ""};
}

HttpAnswer written(int n) { return {201, R"({"ok":true,"id":"_local/x","rev":"0-)" + std::to_string(n) + "\"}", ""}; }

} // namespace

TEST_CASE("no answer and server errors are retried after a pause that doubles, and a refusal stops and is named") {
    Desk d(7);
    d.registerCase("话费多扣");
    app::ReplicationOptions options;
    options.server = kServer;
    options.pull = false;
    auto rep = d.app->replicate(options);

    auto request = rep->next(SyncLane::Push);
    REQUIRE(request);
    CHECK(request->path.rfind("_local/tousu-", 0) == 0);
    rep->receive(SyncLane::Push, {0, "", "Connection refused"});
    CHECK(rep->status().phase == SyncPhase::Retrying);
    CHECK(messageOf(*rep) == "error.couch_unreachable");
    CHECK(rep->status().retryAt == d.clock.now() + 1000);
    CHECK_FALSE(rep->next(SyncLane::Push)); // not before the pause is over
    d.clock.jumpBy(1000);
    REQUIRE(rep->next(SyncLane::Push)->path == request->path); // the same request again
    rep->receive(SyncLane::Push, {503, R"({"error":"service_unavailable","reason":"maintenance"})", ""});
    CHECK(messageOf(*rep) == "error.couch_server_error");
    CHECK(rep->status().problem->detail.find("maintenance") != std::string::npos);
    CHECK(rep->status().retryAt == d.clock.now() + 2000);
    d.clock.jumpBy(2000);
    REQUIRE(rep->next(SyncLane::Push));
    rep->receive(SyncLane::Push, {404, R"({"error":"not_found","reason":"missing"})", ""}); // no checkpoint yet
    REQUIRE(rep->next(SyncLane::Push)->method == "PUT");
    rep->receive(SyncLane::Push, written(1));

    const auto diff = rep->next(SyncLane::Push);
    REQUIRE(diff);
    CHECK(diff->path == "_revs_diff");
    CHECK(rep->status().pendingUpload > 0);
    struct Case {
        int status;
        const char* body;
        const char* message;
    };
    for (const Case& c :
         {Case{401, R"({"error":"unauthorized","reason":"You are not authorized"})", "error.couch_unauthorized"},
          Case{403, R"({"error":"forbidden","reason":"not a member"})", "error.couch_forbidden"},
          Case{404, R"({"error":"not_found","reason":"Database does not exist."})", "error.couch_no_database"},
          Case{400, R"({"error":"bad_request","reason":"invalid UTF-8 JSON"})", "error.couch_refused"}}) {
        CAPTURE(c.status);
        rep->receive(SyncLane::Push, {c.status, c.body, ""});
        CHECK(rep->status().phase == SyncPhase::Stopped);
        CHECK(messageOf(*rep) == c.message);
        CHECK(rep->status().problem->detail.find("_revs_diff") != std::string::npos); // which step
        CHECK_FALSE(rep->next(SyncLane::Push));
        rep->retryNow(); // the person signed in again, or fixed the server
        REQUIRE(rep->next(SyncLane::Push)->path == "_revs_diff");
    }

    // The server lacks every event; its validate_doc_update refuses one of them.
    const nlohmann::json asked = nlohmann::json::parse(diff->body);
    nlohmann::json missing = nlohmann::json::object();
    for (const auto& [id, revs] : asked.items()) missing[id] = {{"missing", revs}};
    rep->receive(SyncLane::Push, {200, missing.dump(), ""});
    const auto bulk = rep->next(SyncLane::Push);
    REQUIRE(bulk);
    CHECK(bulk->path == "_bulk_docs");
    const std::string victim = nlohmann::json::parse(bulk->body)["docs"][0]["_id"];
    rep->receive(SyncLane::Push,
                 {201, R"([{"id":")" + victim + R"(","error":"forbidden","reason":"not a tousu event"}])", ""});
    CHECK(rep->status().phase == SyncPhase::Stopped);
    CHECK(messageOf(*rep) == "error.couch_event_refused");
    CHECK(rep->status().problem->detail == victim + ": forbidden: not a tousu event");
    CHECK(rep->status().sent == 0);
}

TEST_CASE("a run that is not live gives up after its attempts, saying why") {
    Desk d(8);
    app::ReplicationOptions options;
    options.server = kServer;
    options.attempts = 3;
    auto rep = d.app->replicate(options);
    for (int attempt = 0; attempt < 3; ++attempt) {
        CAPTURE(attempt);
        d.clock.jumpBy(60'000);
        auto request = rep->next(SyncLane::Push);
        REQUIRE(request);
        rep->receive(SyncLane::Push, {0, "", "Could not resolve host"});
    }
    CHECK(rep->finished());
    CHECK(rep->status().phase == SyncPhase::Stopped);
    CHECK(messageOf(*rep) == "error.couch_unreachable");
    CHECK(rep->status().problem->detail == "Could not resolve host");
}

TEST_CASE("a sign-in that expires in the middle of the server's changes keeps what was imported and goes on from "
          "there") {
    Desk office(1), desk(2);
    for (const char* content : {"话费多扣", "流量多扣", "月租多扣"}) office.registerCase(content);
    const std::vector<core::Event> events = office.app->exchange().exportBundle({}).value().events;
    REQUIRE(events.size() > 20);

    app::ReplicationOptions options;
    options.server = kServer;
    options.push = false;
    options.batch = 10;
    auto rep = desk.app->replicate(options);
    std::vector<std::string> changesAsked;
    int checkpoints = 0;
    bool expired = false;
    while (!rep->finished()) {
        auto request = rep->next(SyncLane::Pull);
        REQUIRE(request);
        if (request->method == "GET" && request->path.rfind("_local/", 0) == 0) {
            rep->receive(SyncLane::Pull, {404, R"({"error":"not_found"})", ""});
        } else if (request->path.empty()) {
            rep->receive(SyncLane::Pull, databaseInfo(events.size()));
        } else if (request->method == "PUT") {
            rep->receive(SyncLane::Pull, written(++checkpoints));
        } else if (changesAsked.emplace_back(request->path); changesAsked.size() == 3 && !expired) {
            expired = true; // the session cookie ran out between two batches
            rep->receive(SyncLane::Pull, {401, R"({"error":"unauthorized","reason":"Session expired"})", ""});
            CHECK(rep->finished());
            CHECK(messageOf(*rep) == "error.couch_unauthorized");
            rep->retryNow(); // signed in again
        } else {
            rep->receive(SyncLane::Pull, changesAnswer(events, request->path));
            // How far it has come, of everything the server had when it started.
            CHECK(rep->status().serverSeq == static_cast<std::int64_t>(events.size()));
            CHECK(rep->status().pulledSeq == std::min<std::int64_t>(10 * std::int64_t(changesAsked.size() - expired),
                                                                    std::int64_t(events.size())));
        }
    }
    CHECK(rep->status().phase == SyncPhase::UpToDate);
    REQUIRE(changesAsked.size() >= 4);
    CHECK(changesAsked[0].find("since=0&") != std::string::npos);
    CHECK(changesAsked[2].find("since=20&") != std::string::npos);
    CHECK(changesAsked[3] == changesAsked[2]); // the refused batch asked again, nothing before it
    CHECK(desk.caseCount() == 3);
    // Every event was new here but the defaults, which every desk starts with.
    const auto recorded = std::count_if(events.begin(), events.end(), [](const auto& e) { return e.origin != "seed"; });
    CHECK(recorded == 3); // the three registrations
    CHECK(rep->status().received == recorded);
}

namespace {

// Pulls `events` through a server that answers every request at once; returns the _changes paths asked.
std::vector<std::string> pullAll(const std::vector<core::Event>& events, app::Replication& rep) {
    std::vector<std::string> asked;
    int checkpoints = 0;
    while (!rep.finished()) {
        auto request = rep.next(SyncLane::Pull);
        REQUIRE(request);
        if (request->method == "GET" && request->path.rfind("_local/", 0) == 0)
            rep.receive(SyncLane::Pull, {404, R"({"error":"not_found"})", ""});
        else if (request->path.empty())
            rep.receive(SyncLane::Pull, databaseInfo(events.size()));
        else if (request->method == "PUT")
            rep.receive(SyncLane::Pull, written(++checkpoints));
        else
            rep.receive(SyncLane::Pull, changesAnswer(events, asked.emplace_back(request->path)));
    }
    return asked;
}

} // namespace

TEST_CASE("a case event that comes before the staff member it names (a cluster's feed) waits for it, "
          "and a name that never comes stops the pull") {
    Desk office(3), desk(4);
    office.app->setActor({"s10", core::Role::Admin});
    const std::string newcomer = office.app->settings().saveStaff({"", "林新", "agent", "customer_service"}).value();
    office.app->setActor({newcomer, core::Role::Agent});
    for (const char* content : {"话费多扣", "流量多扣", "月租多扣"}) office.registerCase(content);
    office.app->setActor({"s10", core::Role::Admin}); // whole exports: supervisors and administrators
    std::vector<core::Event> events = office.app->exchange().exportBundle({}).value().events;
    // The agent who registered the cases arrives last, after the events that name them.
    const auto joined = std::find_if(events.begin(), events.end(), [&](const core::Event& e) {
        return e.type == "ref.staff" && core::getField(e.fields, "id") == newcomer;
    });
    REQUIRE(joined != events.end());
    std::rotate(joined, joined + 1, events.end());

    app::ReplicationOptions options;
    options.server = kServer;
    options.push = false;
    options.batch = 10;
    {
        auto withoutIt = std::vector<core::Event>(events.begin(), events.end() - 1);
        auto rep = desk.app->replicate(options);
        pullAll(withoutIt, *rep);
        CHECK(messageOf(*rep) == "error.bundle_unknown_reference");
        CHECK(rep->status().problem->detail.find("actor " + newcomer) != std::string::npos);
    }
    auto rep = desk.app->replicate(options);
    const std::vector<std::string> asked = pullAll(events, *rep);
    CHECK(rep->status().phase == SyncPhase::UpToDate);
    CHECK(desk.caseCount() == 3);
    // Read again from the same place, wider each time, and back to the batch once it is in.
    const auto widened = std::find_if(asked.begin(), asked.end(),
                                      [](const std::string& p) { return p.find("limit=20") != std::string::npos; });
    REQUIRE(widened != asked.end());
    CHECK(widened->substr(0, widened->find("&limit")) == (widened - 1)->substr(0, (widened - 1)->find("&limit")));
}

// The server's design document carries its own copy of who may record what (it runs in CouchDB,
// not here): every role and every action must say there what core::roleMay says for live data.
TEST_CASE("the design document's rights are the workflow's, role by role and action by action") {
    std::ifstream in(TOUSU_SOURCE_DIR "/assets/couchdb/validate_doc_update.js");
    std::string line, table;
    while (std::getline(in, line))
        if (const auto at = line.find("var rights = "); at != std::string::npos)
            table = line.substr(at + 13, line.rfind(';') - at - 13);
    const auto rights = nlohmann::json::parse(table);
    for (const core::Role role :
         {core::Role::Agent, core::Role::Handler, core::Role::Supervisor, core::Role::Admin, core::Role::Trainer}) {
        CAPTURE(core::code(role));
        const auto& granted = rights.at(core::code(role));
        for (int i = 0; i < core::kActionCount; ++i) {
            const auto action = static_cast<core::Action>(i);
            CAPTURE(core::code(action));
            const bool listed = std::find(granted.begin(), granted.end(), core::code(action)) != granted.end();
            CHECK(listed == (core::roleMay(role, action) && core::roleMay(role, core::Operation::LiveData)));
        }
        for (const auto& listed : granted) CHECK(core::actionFromCode(listed.get<std::string>()).has_value());
    }
    CHECK(rights.size() == 5);
}
