// The text forms an event stores — its HLC stamp, its payload fields, a case's time limits — read
// back as written, and malformed text (a damaged database, a hand-edited file) is refused with its
// own message instead of being half read.
#include <doctest/doctest.h>

#include <string>

#include "core/fields.h"
#include "core/hlc.h"
#include "core/policy.h"

using namespace tousu::core;

TEST_CASE("an HLC stamp reads back as written and sorts as text, and a malformed one is refused") {
    const Hlc stamp{1795829400000, 3};
    const auto back = parseHlc(formatHlc(stamp));
    REQUIRE(back.ok());
    CHECK(back.value() == stamp);
    CHECK(formatHlc({1795829400001, 0}) > formatHlc({1795829400000, 99}));
    for (const char* bad : {"", "yesterday", "1795829400000-3", "0001795829400000+00000003",
                            "0001795829400000-0000000x", "-001795829400000-00000003"}) {
        const auto r = parseHlc(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().messageKey == "error.hlc_format");
    }
}

TEST_CASE("payload fields read back as written, escapes and Chinese included, and malformed payloads are refused") {
    const Fields fields{{"content", "宽带\"经常\"断网\\\n第二行\t"}, {"empty", ""}, {"phone", "13800138000"}};
    const auto back = decodeFields(encodeFields(fields));
    REQUIRE(back.ok());
    CHECK(back.value() == fields);
    for (const char* bad : {"", "[]", "{\"a\":1}", "{\"a\":\"x\"", "{\"a\":\"x\",\"a\":\"y\"}", "{\"a\":\"x\"} {}",
                            "{\"a\" \"x\"}", "{\"a\":\"x\",}"}) {
        const auto r = decodeFields(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().messageKey == "error.payload_format");
    }
}

TEST_CASE("the time limits stored with a case read back as written, and malformed limits are refused") {
    const auto limits = milestonesFor(defaultPolicies(), Category::ServiceQuality);
    REQUIRE(limits.size() >= 2);
    const auto back = decodeLimits(encodeLimits(limits));
    REQUIRE(back.ok());
    REQUIRE(back.value().size() == limits.size());
    for (std::size_t i = 0; i < limits.size(); ++i) {
        CHECK(back.value()[i].milestone == limits[i].milestone);
        CHECK(back.value()[i].limitMs == limits[i].limitMs);
    }
    for (const char* bad :
         {"feedback", "feedback=", "feedback=0", "feedback=-5", "feedback=48h", "someday=1000", "feedback=1000;;",
          "feedback=31536000001", "feedback=9223372036854775807"}) { // a year and a millisecond; the longest int
        const auto r = decodeLimits(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().messageKey == "error.limits_format");
    }
}
