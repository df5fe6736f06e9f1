// Sync bundles: the JSON files offices exchange (README, "Bundle format"; schema in
// assets/bundle.schema.json). A bundle carries events — case events and the versioned reference
// data they depend on — plus a count and a SHA-256 over the events, so a truncated or edited file
// is refused before anything is applied. Reading streams the events array: each event is
// validated as soon as it is parsed and the JSON tree is never held whole.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/result.h"
#include "core/time.h"

namespace tousu::sync {

constexpr const char* kBundleFormat = "tousu.bundle";
constexpr int kBundleVersion = 1;
constexpr std::size_t kMaxBundleBytes = std::size_t(512) << 20;
constexpr std::size_t kMaxBundleEvents = 5'000'000;

struct Bundle {
    std::string origin; // device id of the exporting office
    std::string officeCode, officeName;
    core::TimeMs created = 0;
    std::vector<core::Event> events;
    bool masked = false; // customers' personal data hidden (sync/mask.h)
};

// SHA-256 over the events' canonical text, one per line, in bundle order.
std::string eventsHash(const std::vector<core::Event>& events);

// One event per line, so a bundle diffs and greps well.
std::string writeBundle(const Bundle& b);

// Every refusal is an error whose messageKey says what is wrong (error.bundle_*), with the detail
// naming the event or field.
core::Result<Bundle> readBundle(std::string_view text);

} // namespace tousu::sync
