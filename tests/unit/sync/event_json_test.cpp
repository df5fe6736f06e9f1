#include <doctest/doctest.h>

#include "sample_event.h"
#include "sync/event_json.h"

using namespace tousu;
using nlohmann::json;

TEST_CASE("an event survives the trip to JSON text and back, byte for byte in canonical form") {
    const core::Event e = test::sampleEvent();
    const std::string text = sync::eventToJson(e).dump();
    auto back = sync::eventFromJson(json::parse(text));
    REQUIRE(back.ok());
    CHECK(core::canonicalText(back.value()) == core::canonicalText(e));
}

TEST_CASE("malformed events are refused with the field at fault") {
    const json good = sync::eventToJson(test::sampleEvent());
    const auto refused = [&](const char* field, const json& value) {
        json j = good;
        if (value.is_discarded())
            j.erase(field);
        else
            j[field] = value;
        auto r = sync::eventFromJson(j);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().messageKey == "error.event_format");
        return r.error().field;
    };
    CHECK(refused("id", json::value_t::discarded) == "id");
    CHECK(refused("id", 42) == "id");
    CHECK(refused("hlc", "yesterday") == "hlc");
    CHECK(refused("type", "delete_everything") == "type");
    CHECK(refused("payload", json::array()) == "payload");
    CHECK(refused("origin", std::string(65, 'x')) == "origin");
    CHECK(refused("case", "") == "case"); // a case event without a case
    json numberPayload = good;
    numberPayload["payload"]["rating"] = 5;
    CHECK(sync::eventFromJson(numberPayload).error().field == "payload.rating");
    json huge = good;
    huge["payload"]["note"] = std::string(sync::kMaxFieldBytes + 1, 'a');
    CHECK_FALSE(sync::eventFromJson(huge).ok());
    CHECK_FALSE(sync::eventFromJson(json::array()).ok());
}

TEST_CASE("reference data events carry no case id") {
    json j = sync::eventToJson(test::sampleEvent());
    j["type"] = "ref.staff";
    CHECK_FALSE(sync::eventFromJson(j).ok());
    j["case"] = "";
    CHECK(sync::eventFromJson(j).ok());
}
