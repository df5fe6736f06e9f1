#include <doctest/doctest.h>

#include "sync/mask.h"

using namespace tousu;

namespace {

core::Event registration(const std::string& name, const std::string& phone, const std::string& account) {
    core::Event e;
    e.type = "register";
    e.fields = {{"customer_name", name},
                {"phone", phone},
                {"account", account},
                {"customer_key", phone.empty() ? account : phone},
                {"content", "宽带断网"}};
    return e;
}

} // namespace

TEST_CASE("masking keeps the first character of a name and the ends of phones and accounts") {
    std::vector<core::Event> events = {registration("欧阳娜娜", "13912345678", "BJ2026000123"),
                                       registration("Li Lei", "", "A1")};
    sync::maskPersonalData(events, "secret");
    CHECK(events[0].fields["customer_name"] == "欧*");
    CHECK(events[0].fields["phone"] == "139****5678");
    CHECK(events[0].fields["account"] == "BJ****23");
    CHECK(events[0].fields["content"] == "宽带断网");
    CHECK(events[1].fields["customer_name"] == "L*");
    CHECK(events[1].fields["phone"].empty());
    CHECK(events[1].fields["account"] == "****");
}

TEST_CASE("a customer's key becomes the same pseudonym within an export and another one in the next") {
    std::vector<core::Event> one = {registration("甲", "13912345678", ""), registration("甲", "13912345678", ""),
                                    registration("乙", "13700000000", "")};
    std::vector<core::Event> two = one;
    sync::maskPersonalData(one, "first export");
    sync::maskPersonalData(two, "second export");
    CHECK(one[0].fields["customer_key"] == one[1].fields["customer_key"]);
    CHECK(one[0].fields["customer_key"] != one[2].fields["customer_key"]);
    CHECK(one[0].fields["customer_key"] != two[0].fields["customer_key"]);
    CHECK(one[0].fields["customer_key"].find("5678") == std::string::npos);
}
