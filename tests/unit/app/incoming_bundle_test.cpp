// The shared refused samples (tests/samples/refused.json, written by tests/samples/make_refused.py):
// every file with one thing wrong is refused by the desk's reader or its gate with the message the
// index names, and nothing is stored; every file of the index's "accepted" list is taken.
// tests/e2e/bundle_schema.test.js holds the same files against the JSON Schemas, so the schemas and the desk cannot
// drift apart unseen.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "app/app.h"
#include "app/incoming_bundle.h"

using namespace tousu;
namespace fs = std::filesystem;

namespace {

const fs::path kSamples = fs::path(TOUSU_SOURCE_DIR) / "tests/samples";

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const nlohmann::json& samplesIndex() {
    static const nlohmann::json j = nlohmann::json::parse(readFile(kSamples / "refused.json"));
    return j;
}

// A desk on the index's clock: the samples stamped "a year ahead" are ahead of this clock.
struct Desk {
    core::SimulatedClock clock{core::parseIso8601(samplesIndex()["clock"].get<std::string>()).value()};
    std::unique_ptr<app::App> app;
    Desk() {
        app = std::move(app::App::open(":memory:", clock, 7).value());
        REQUIRE(app->initialize("SH01", "上海一营").ok());
    }
};

// What the desk answers a file, the way `tousu-cli import` and the sync dialog take it.
core::Result<app::ImportSummary> importFile(app::App& app, std::string bytes) {
    auto in = app::IncomingBundle::open(std::move(bytes));
    if (!in) return in.error();
    auto job = in.value().import(app.exchange(), true);
    if (!job) return job.error();
    if (auto done = job.value()->step(SIZE_MAX); !done) return done.error();
    return job.value()->summary();
}

} // namespace

TEST_CASE("the samples' base bundle imports and the base envelope opens, so each sample fails by its one change") {
    Desk desk;
    auto imported = importFile(*desk.app, readFile(kSamples / samplesIndex()["base"].get<std::string>()));
    REQUIRE_MESSAGE(imported.ok(), (imported.ok() ? "" : imported.error().messageKey + " " + imported.error().detail));
    CHECK(imported.value().newCases == 1);
    auto sealed = app::IncomingBundle::open(readFile(kSamples / samplesIndex()["base_sealed"].get<std::string>()));
    REQUIRE(sealed.ok());
    CHECK(sealed.value().sealed());
}

TEST_CASE("what earlier versions of tousu legitimately wrote is accepted: the gate refuses no more than that") {
    std::set<std::string> listed;
    for (const auto& sample : samplesIndex()["accepted"]) {
        const std::string file = sample["file"].get<std::string>();
        listed.insert(fs::path(file).filename().string());
        INFO(file << ": " << sample["what"].get<std::string>());
        Desk desk; // each on a fresh desk: the samples share the base's ids
        auto imported = importFile(*desk.app, readFile(kSamples / file));
        CHECK_MESSAGE(imported.ok(),
                      (imported.ok() ? "" : imported.error().messageKey + " " + imported.error().detail));
    }
    CHECK(listed.size() >= 8);
    for (const auto& entry : fs::directory_iterator(kSamples / "accepted"))
        CHECK_MESSAGE(listed.count(entry.path().filename().string()), entry.path());
}

TEST_CASE("every refused sample is refused with its message and leaves the database as it was") {
    Desk desk;
    const std::string before = desk.app->digest().value();
    std::set<std::string> listed;
    for (const auto& sample : samplesIndex()["samples"]) {
        const std::string file = sample["file"].get<std::string>();
        listed.insert(fs::path(file).filename().string());
        INFO(file << ": " << sample["wrong"].get<std::string>());
        auto answer = importFile(*desk.app, readFile(kSamples / file));
        REQUIRE_FALSE(answer.ok());
        CHECK(answer.error().messageKey == sample["error"].get<std::string>());
        CHECK_MESSAGE(answer.error().detail.find(sample["detail"].get<std::string>()) != std::string::npos,
                      answer.error().detail);
        CHECK(desk.app->digest().value() == before);
    }
    CHECK(listed.size() >= 30);
    for (const auto& entry : fs::directory_iterator(kSamples / "refused")) // no file the tests never read
        CHECK_MESSAGE(listed.count(entry.path().filename().string()), entry.path());
}
