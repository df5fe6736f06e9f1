// Fuzzes reading and importing sync bundles (sync::readBundle, app::App::importBundle).
// Input: the text of a bundle file. Besides ASan/UBSan, it checks, with __builtin_trap on failure:
//   1. a bundle that reads is written back (sync::writeBundle) to text that reads to the same events;
//   2. a preview import (apply=false) into a fresh office changes nothing, and agrees with the real
//      import on success and on the counts;
//   3. a refused import changes nothing (all or nothing);
//   4. after a successful import, verify() finds no inconsistency;
//   5. importing the same bundle again adds no event and leaves the digest unchanged;
//   6. an encrypted envelope (sync/sealed.h) that reads is written back to one that reads the same.
// A mutated file almost never keeps its "count" and "sha256" right, so the reader would refuse nearly
// every input at the last check. When the text is JSON with an events array, the harness therefore
// also tries it with count and sha256 recomputed: both the checksum refusal and everything behind it
// get exercised. Each input gets a fresh office (fuzz_support.h), so nothing leaks between inputs.
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

void checkImport(const sync::Bundle& bundle) {
    auto desk = fuzz::freshDesk();
    app::App& app = *desk->app;
    const std::string before = app.digest().value();

    const auto preview = app.exchange().importBundle(bundle, false);
    FUZZ_CHECK(app.digest().value() == before); // 2: the preview rolls back
    const auto applied = app.exchange().importBundle(bundle, true);
    FUZZ_CHECK(preview.ok() == applied.ok()); // 2: the preview predicts the import
    if (!applied.ok()) {
        FUZZ_CHECK(app.digest().value() == before); // 3: all or nothing
        return;
    }
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

    const std::string after = app.digest().value();
    const auto again = app.exchange().importBundle(bundle, true); // 5
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.value().newEvents == 0);
    FUZZ_CHECK(app.digest().value() == after);
}

void checkEnvelope(std::string_view text) {
    const auto sealed = sync::readSealed(text);
    if (!sealed.ok()) return;
    const auto again = sync::readSealed(sync::writeSealed(sealed.value())); // 6
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.value().iterations == sealed.value().iterations);
    FUZZ_CHECK(again.value().salt == sealed.value().salt && again.value().iv == sealed.value().iv);
    FUZZ_CHECK(again.value().data == sealed.value().data);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (sync::looksSealed(text)) return checkEnvelope(text), 0;
    auto bundle = sync::readBundle(text);
    if (!bundle.ok()) {
        const auto fixed = withFixedChecksums(text);
        if (!fixed) return 0;
        bundle = sync::readBundle(*fixed);
        if (!bundle.ok()) return 0;
    }

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
