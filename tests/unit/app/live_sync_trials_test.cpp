// Convergence through a sync server: desks of one office work, replicate in bits through a server
// that loses requests and answers, fails, expires sessions and reorders its feed like a cluster, and
// are closed mid-request; once all of them sync to the end, every desk holds the same data and the
// server every event. TOUSU_LIVE_SYNC_TRIALS sets how many (shell/bench.sh runs more).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <random>

#include "app/couch_model.h"
#include "app/replication.h"
#include "app/test_office.h"

using namespace tousu;
using app::HttpAnswer;
using app::HttpRequest;
using app::SyncLane;

namespace {

constexpr const char* kServer = "https://couch.example.cn/office";

struct Desk {
    test::Office office;
    std::unique_ptr<app::Replication> replication;
    Desk(const std::string& code, std::uint64_t seed) : office(code, seed) {}
};

// What the network and the server make of a request: mostly the answer, sometimes a failure.
HttpAnswer deliver(test::CouchModel& server, const HttpRequest& request, std::mt19937_64& rng, bool faults) {
    const int roll = faults ? int(rng() % 100) : 100;
    if (roll < 3) return {0, "", "Connection refused"};
    if (roll < 6) {
        server.answer(request); // done on the server, the answer lost on the way back
        return {0, "", "Connection reset by peer"};
    }
    if (roll < 8) return {503, R"({"error":"service_unavailable"})", ""};
    if (roll < 9) return {401, R"({"error":"unauthorized","reason":"Session expired"})", ""};
    return server.answer(request);
}

// Up to `steps` requests of this desk's replication; a new one when none runs or the last ended (the
// desk reopened, or a person pressed 立即同步 after a sign-in expired).
void replicate(Desk& d, test::CouchModel& server, std::mt19937_64& rng, int steps, bool faults) {
    for (int i = 0; i < steps; ++i) {
        if (!d.replication || d.replication->finished()) {
            app::ReplicationOptions options;
            options.server = kServer;
            options.batch = 1 + std::int64_t(rng() % 40);
            d.replication = d.office.app->replicate(options);
        }
        bool sent = false;
        for (const SyncLane lane : {SyncLane::Push, SyncLane::Pull})
            if (auto request = d.replication->next(lane)) {
                d.replication->receive(lane, deliver(server, *request, rng, faults));
                sent = true;
            }
        if (!sent) d.office.clock.jumpBy(1000); // waiting to retry
    }
}

// Every desk's clock moves on with the latest one's: they share the office's time.
void sameTime(std::vector<std::unique_ptr<Desk>>& desks) {
    core::TimeMs latest = 0;
    for (auto& d : desks) latest = std::max(latest, d->office.clock.now());
    for (auto& d : desks) d->office.clock.jumpTo(latest);
}

} // namespace

TEST_CASE("desks that sync through a faulty server in any interleaving converge") {
    const int trials = std::getenv("TOUSU_LIVE_SYNC_TRIALS") ? std::atoi(std::getenv("TOUSU_LIVE_SYNC_TRIALS")) : 1000;
    int divergent = 0, unsent = 0, events = 0, complaints = 0, twins = 0, sameShown = 0;
    for (int trial = 0; trial < trials; ++trial) {
        std::mt19937_64 rng(trial);
        test::CouchModel server(trial);
        const int n = 2 + int(rng() % 3);
        std::vector<std::unique_ptr<Desk>> desks;
        for (int i = 0; i < n; ++i) desks.push_back(std::make_unique<Desk>("BJ01", trial * 10 + i));
        for (int round = 0; round < 16; ++round) {
            Desk& d = *desks[rng() % n];
            switch (rng() % 4) {
            case 0:
            case 1:
                d.office.clock.jumpBy(core::TimeMs(rng() % 300000));
                if (test::actRandomly(d.office, rng) && d.replication) d.replication->localChanged();
                break;
            case 2:
                replicate(d, server, rng, 1 + int(rng() % 30), true);
                break;
            default:
                d.replication.reset(); // the tab closed, perhaps with a request under way
            }
            sameTime(desks);
        }
        // Online with no faults: each desk syncs to the end, twice round, so the last pushes reach all.
        for (int pass = 0; pass < 2; ++pass)
            for (auto& d : desks) {
                d->replication.reset();
                int steps = 0;
                do replicate(*d, server, rng, 1, false);
                while (!d->replication->finished() && ++steps < 100'000);
                REQUIRE(d->replication->status().phase == app::SyncPhase::UpToDate);
            }
        const std::string digest = desks[0]->office.digest();
        for (auto& d : desks) {
            divergent += d->office.digest() == digest && d->office.app->verify().value().empty() ? 0 : 1;
            unsent += int(d->replication->status().pendingUpload);
        }
        const auto all = desks[0]->office.app->exchange().exportBundle({}).value().events;
        // Every event on the server once, but the defaults every desk starts with, which none sends.
        const auto seeds = std::count_if(all.begin(), all.end(), [](const auto& e) { return e.origin == "seed"; });
        CHECK(seeds > 0);
        CHECK(server.documents() == all.size() - std::size_t(seeds));
        events += int(all.size()) - int(seeds);
        // Desks apart give one number twice; each complaint still shows a number of its own.
        std::map<std::string, int> shown;
        for (const auto& row : desks[0]->office.cases().rows) {
            sameShown += shown[row.number]++ ? 1 : 0;
            ++complaints;
            twins += row.number.size() > 21 ? 1 : 0; // TS-BJ01-20261128-0001 and a -2, -3 … after it
        }
    }
    MESSAGE(trials << " trials through the server, " << events << " events recorded, " << complaints << " complaints, "
                   << divergent << " divergent replicas, " << unsent << " events left unsent, " << twins
                   << " complaints registered under a number already given "
                   << "(shown with -2, -3 …), " << sameShown << " numbers shown twice");
    CHECK(divergent == 0);
    CHECK(sameShown == 0);
    CHECK(unsent == 0);
    CHECK(complaints > trials);
}

TEST_CASE("an erasure made at one desk reaches another through the server, whose copy is then redacted") {
    std::mt19937_64 rng(5);
    test::CouchModel server(5);
    Desk a("BJ01", 51), b("BJ01", 52);
    const auto syncToEnd = [&](Desk& d) {
        d.replication.reset();
        int steps = 0;
        do replicate(d, server, rng, 1, false);
        while (!d.replication->finished() && ++steps < 10'000);
        REQUIRE(d.replication->status().phase == app::SyncPhase::UpToDate);
    };
    const std::string id = a.office.registerOne("话费多扣了二十元，账户 ACC778899");
    REQUIRE(a.office.app->cases().cancel(id, "客户撤回").ok());
    syncToEnd(a);
    syncToEnd(b);
    REQUIRE(b.office.app->cases().caseById(id).value().customerName == "王芳");
    REQUIRE(a.office.app->personalData().eraseCustomer(id).ok());
    syncToEnd(a);
    syncToEnd(b);
    const core::Case there = b.office.app->cases().caseById(id).value();
    CHECK(there.erased);
    CHECK(there.customerName.empty());
    CHECK(there.phone.empty());
    const auto events = b.office.app->cases().timeline(id);
    REQUIRE(events.ok());
    for (const core::Event& e : events.value())
        CHECK(core::encodeFields(e.fields).find("13800138000") == std::string::npos);
    CHECK(b.office.digest() == a.office.digest());
    // A desk that starts now pulls the originals and the erasure from the server: redacted on arrival.
    Desk c("BJ01", 53);
    syncToEnd(c);
    CHECK(c.office.app->cases().caseById(id).value().erased);
    CHECK(c.office.digest() == a.office.digest());
}

TEST_CASE("files attached on one desk reach the others through a faulty server, whichever comes first, the file or "
          "its event") {
    for (int trial = 0; trial < 40; ++trial) {
        CAPTURE(trial);
        std::mt19937_64 rng(1000 + trial);
        test::CouchModel server(trial);
        Desk a("BJ01", 2 * trial + 1), b("BJ01", 2 * trial + 2);
        const std::string id = a.office.registerOne();
        std::string recording(40'000 + trial, '\0');
        for (std::size_t i = 0; i < recording.size(); ++i) recording[i] = static_cast<char>((i * 7 + trial) % 256);
        const std::string sha = a.office.app->attachments().attach(id, "录音.mp3", recording).value();
        const std::string photo = a.office.app->attachments().attach(id, "光猫.jpg", "光猫亮红灯的照片").value();
        for (int round = 0; round < 40; ++round) {
            replicate(a, server, rng, 5, true);
            b.office.clock.jumpTo(a.office.clock.now());
            replicate(b, server, rng, 5, true);
        }
        for (Desk* d : {&a, &b}) { // to the end without faults
            d->replication.reset();
            replicate(*d, server, rng, 200, false);
        }
        CHECK(b.office.app->attachments().bytes(sha).value() == recording);
        CHECK(b.office.app->attachments().bytes(photo).value() == "光猫亮红灯的照片");
        CHECK(b.office.digest() == a.office.digest());
    }
}
