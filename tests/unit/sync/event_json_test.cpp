#include <doctest/doctest.h>

#include "sync/event_json.h"

using namespace tousu;
using nlohmann::json;

namespace {

core::Event sample() {
    core::Event e;
    e.id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    e.caseId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    e.hlc = {1795829400000, 2};
    e.prev = {1795829300000, 0};
    e.origin = "a1b2c3";
    e.actor = "s05";
    e.type = "investigate";
    e.fields = {{"note", "已联系客户，\"光猫\"需更换\n第二行"}, {"at", "1795829400000"}};
    return e;
}

} // namespace

TEST_CASE("an event survives the trip to JSON text and back, byte for byte in canonical form") {
    const core::Event e = sample();
    const std::string text = sync::eventToJson(e).dump();
    auto back = sync::eventFromJson(json::parse(text));
    REQUIRE(back.ok());
    CHECK(core::canonicalText(back.value()) == core::canonicalText(e));
}

TEST_CASE("malformed events are refused with the field at fault") {
    const json good = sync::eventToJson(sample());
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
    json j = sync::eventToJson(sample());
    j["type"] = "ref.staff";
    CHECK_FALSE(sync::eventFromJson(j).ok());
    j["case"] = "";
    CHECK(sync::eventFromJson(j).ok());
}
