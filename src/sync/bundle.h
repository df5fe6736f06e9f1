// Sync bundles: the JSON files offices exchange (README, "Bundle format"; schema in
// assets/bundle.schema.json). A bundle carries events — case events and the versioned reference
// data they depend on — plus a count and a SHA-256 over the events, so a truncated or edited file
// is refused before anything is applied. Version 2 adds the files attach events name (their bytes
// in base64, each checked against its SHA-256 and size); masked bundles leave them out. Reading
// streams the events and attachments arrays: each element is checked as soon as it is parsed and
// the JSON tree is never held whole.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/result.h"
#include "core/time.h"

namespace tousu::sync {

constexpr const char* kBundleFormat = "tousu.bundle";
constexpr int kBundleVersion = 2; // 1: events only (read still); 2: attachments too
constexpr std::size_t kMaxBundleBytes = std::size_t(512) << 20;
constexpr std::size_t kMaxBundleEvents = 5'000'000;

// A file an attach event names (core/attachment.h), whole.
struct BundleAttachment {
    std::string sha256, bytes;
};

struct Bundle {
    std::string origin; // device id of the exporting office
    std::string officeCode, officeName;
    core::TimeMs created = 0;
    std::vector<core::Event> events;
    bool masked = false;                       // customers' personal data hidden (sync/mask.h)
    std::vector<BundleAttachment> attachments; // version 2: the files attach events name, when at hand
};

// SHA-256 over the events' canonical text, one per line, in bundle order.
std::string eventsHash(const std::vector<core::Event>& events);

// One event per line, so a bundle diffs and greps well.
std::string writeBundle(const Bundle& b);

// Every refusal is an error whose messageKey says what is wrong (error.bundle_*), with the detail
// naming the event or field.
core::Result<Bundle> readBundle(std::string_view text);

} // namespace tousu::sync
