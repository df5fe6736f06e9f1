#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/ids.h"

using namespace tousu::core;

namespace {

// The canonical text form: 8-4-4-4-12 lowercase hex digits.
bool canonical(const std::string& id) {
    if (id.size() != 36) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const char c = id[i];
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

bool rfcVariant(const std::string& id) { return std::string("89ab").find(id[19]) != std::string::npos; }

} // namespace

TEST_CASE("random ids are version 4 uuids, and a seed reproduces them") {
    IdGenerator a(7), b(7);
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = a.uuid();
        CHECK(canonical(id));
        CHECK(id[14] == '4');
        CHECK(rfcVariant(id));
        CHECK(id == b.uuid());
        seen.insert(id);
    }
    CHECK(seen.size() == 1000);
}

TEST_CASE("time-ordered ids are version 7 uuids that sort by their time, and stay unique within a millisecond") {
    IdGenerator ids(1);
    const TimeMs start = 1'795'829'400'000; // 2026-11-28
    const std::string first = ids.timeOrderedUuid(start);
    CHECK(canonical(first));
    CHECK(first[14] == '7');
    CHECK(rfcVariant(first));
    CHECK(first.substr(0, 8) + first.substr(9, 4) == "01a21fc601c0"); // 1795829400000 in hex, 48 bits
    std::string previous = first;
    std::set<std::string> sameMs{first};
    for (int i = 1; i < 500; ++i) {
        const std::string later = ids.timeOrderedUuid(start + i * 37);
        CHECK(previous < later);
        previous = later;
        sameMs.insert(ids.timeOrderedUuid(start));
    }
    CHECK(sameMs.size() == 500);
    CHECK(ids.timeOrderedUuid(-5).substr(0, 13) == "00000000-0000"); // before 1970: clamped, not wrapped
}
