// Fuzzes reading and importing sync bundles (sync::readBundle, app::App::importBundle).
// Input: the text of a bundle file. Besides ASan/UBSan, it checks, with __builtin_trap on failure:
//   1. a bundle that reads is written back (sync::writeBundle) to text that reads to the same events;
//   2. a preview import (apply=false) into a fresh office changes nothing, and agrees with the real
//      import on success and on the counts;
//   3. a refused import changes nothing (all or nothing);
//   4. after a successful import, verify() finds no inconsistency;
//   5. importing the same bundle again adds no event and leaves the digest unchanged;
//   6. an encrypted envelope (sync/sealed.h) that reads is written back to one that reads the same
//      (fuzz_sealed goes further: opening, wrong passphrases).
// A mutated file almost never keeps its "count" and "sha256" right, so the reader would refuse nearly
// every input at the last check. When that is the only refusal, the harness also tries the text with
// count and sha256 recomputed: both the checksum refusal and everything behind it get exercised.
//
// Speed (the point of a fuzzer is many inputs): each input gets a fresh office, an in-memory copy of
// one template database (fuzz_support.h), and "changes nothing" compares the database's bytes — equal
// bytes mean an equal digest; only when they differ are the digests computed and compared.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "sync/bundle.h"
#include "sync/event_json.h"
#include "sync/sealed.h"

using namespace tousu;

namespace {

// What the inputs reached, printed when the run ends: a campaign whose inputs never get past the
// reader has fuzzed the reader only.
struct Reached {
    long inputs = 0, envelopes = 0, bundles = 0, fixed = 0, imported = 0, refused = 0;
    ~Reached() {
        std::fprintf(stderr,
                     "fuzz_bundle reached: %ld inputs, %ld envelopes, %ld bundles read (%ld after fixing count and "
                     "sha256), %ld imported, %ld refused by the import\n",
                     inputs, envelopes, bundles, fixed, imported, refused);
    }
} g_reached;

// The same document with "count" and "sha256" made to match its events; nullopt if that can't be done
// (not JSON, no events array, or an event the reader would refuse anyway).
std::optional<std::string> withFixedChecksums(std::string_view text) {
    nlohmann::json root = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (root.is_discarded() || !root.is_object()) return std::nullopt;
    const auto events = root.find("events");
    if (events == root.end() || !events->is_array()) return std::nullopt;
    std::vector<core::Event> parsed;
    for (const nlohmann::json& j : *events) {
        auto e = sync::eventFromJson(j);
        if (!e) return std::nullopt;
        parsed.push_back(std::move(e.value()));
    }
    root["count"] = parsed.size();
    root["sha256"] = sync::eventsHash(parsed);
    try {
        return root.dump();
    } catch (const nlohmann::json::exception&) { // invalid UTF-8 in a string
        return std::nullopt;
    }
}

bool sameEvents(const std::vector<core::Event>& a, const std::vector<core::Event>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (core::canonicalText(a[i]) != core::canonicalText(b[i])) return false;
    return true;
}

// True when the desk holds the events it held when its database was `before`: the
// same bytes, or else the same digest. Most checks end at the comparison of bytes; a digest costs
// about 2 ms under the sanitizers.
bool unchanged(const fuzz::Desk& desk, std::string_view before) {
    if (desk.database().holds(before)) return true;
    static fuzz::MemoryDatabase earlier("earlier");
    earlier.assign(before);
    core::SimulatedClock clock{fuzz::fuzzEpoch()};
    auto opened = app::App::open(earlier.name(), clock, 3, fuzz::MemoryDatabase::kVfs);
    FUZZ_CHECK(opened.ok());
    return desk.app->digest().value() == opened.value()->digest().value();
}

void checkImport(const sync::Bundle& bundle) {
    auto desk = fuzz::freshDesk();
    app::App& app = *desk->app;
    const std::string_view start = fuzz::templateImage(); // what every fresh desk holds

    const auto preview = app.exchange().importBundle(bundle, false);
    FUZZ_CHECK(unchanged(*desk, start)); // 2: the preview rolls back
    const auto applied = app.exchange().importBundle(bundle, true);
    FUZZ_CHECK(preview.ok() == applied.ok()); // 2: the preview predicts the import
    if (!applied.ok()) {
        ++g_reached.refused;
        FUZZ_CHECK(unchanged(*desk, start)); // 3: all or nothing
        return;
    }
    ++g_reached.imported;
    FUZZ_CHECK(preview.value().newEvents == applied.value().newEvents);
    FUZZ_CHECK(preview.value().newCases == applied.value().newCases);
    FUZZ_CHECK(preview.value().updatedCases == applied.value().updatedCases);
    FUZZ_CHECK(applied.value().newEvents + applied.value().duplicates == applied.value().events);

    const auto problems = app.verify(); // 4
    FUZZ_CHECK(problems.ok());
    if (!problems.value().empty()) {
        for (const std::string& p : problems.value()) std::fprintf(stderr, "verify: %s\n", p.c_str());
        FUZZ_CHECK(problems.value().empty());
    }

    static std::string after; // kept between inputs: its capacity is reused, not allocated again
    desk->database().readInto(after);
    const auto again = app.exchange().importBundle(bundle, true); // 5
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.value().newEvents == 0);
    FUZZ_CHECK(unchanged(*desk, after));
}

void checkEnvelope(std::string_view text) {
    ++g_reached.envelopes;
    const auto sealed = sync::readSealed(text);
    if (!sealed.ok()) return;
    const auto again = sync::readSealed(sync::writeSealed(sealed.value())); // 6
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.value().iterations == sealed.value().iterations);
    FUZZ_CHECK(again.value().salt == sealed.value().salt && again.value().iv == sealed.value().iv);
    FUZZ_CHECK(again.value().data == sealed.value().data);
}

// Only these refusals come after everything else was found right, so only they can be fixed.
bool checksumsOnly(const core::Error& e) {
    return e.messageKey == "error.bundle_count" || e.messageKey == "error.bundle_hash";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ++g_reached.inputs;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (sync::looksSealed(text)) return checkEnvelope(text), 0;
    auto bundle = sync::readBundle(text);
    if (!bundle.ok()) {
        if (!checksumsOnly(bundle.error())) return 0;
        const auto fixed = withFixedChecksums(text);
        if (!fixed) return 0;
        bundle = sync::readBundle(*fixed);
        if (!bundle.ok()) return 0;
        ++g_reached.fixed;
    }
    ++g_reached.bundles;

    // 1. What was read can be written and read again. `created` is the exporter's clock, never
    // carried into another bundle, so it is set to a plain time here.
    sync::Bundle copy = bundle.value();
    copy.created = fuzz::fuzzEpoch();
    const auto reread = sync::readBundle(sync::writeBundle(copy));
    if (!reread.ok())
        std::fprintf(stderr, "re-read refused: %s %s\n", reread.error().messageKey.c_str(),
                     reread.error().detail.c_str());
    FUZZ_CHECK(reread.ok());
    FUZZ_CHECK(sameEvents(reread.value().events, bundle.value().events));
    FUZZ_CHECK(reread.value().origin == bundle.value().origin);

    checkImport(bundle.value());
    return 0;
}
