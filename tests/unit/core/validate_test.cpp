#include <doctest/doctest.h>

#include "core/fields.h"
#include "core/hlc.h"
#include "core/sha256.h"
#include "core/validate.h"

using namespace tousu::core;

TEST_CASE("mainland phone numbers are normalised — spaces, dashes and +86 go away") {
    CHECK(normalizePhone("+86 138 0013 8000").value() == "13800138000");
    CHECK(normalizePhone("0086-13800138000").value() == "13800138000");
    CHECK(normalizePhone("8613800138000").value() == "13800138000");
    CHECK(normalizePhone("010-6552 1234").value() == "01065521234");
    CHECK(normalizePhone("(0755) 8888 1234").value() == "075588881234");
}

TEST_CASE("numbers that are neither mobile nor landline are refused") {
    for (const char* bad : {"12345", "12800138000", "138001380001", "2380013800", "abc", "138-0013-800a", "+"}) {
        CAPTURE(bad);
        auto p = normalizePhone(bad);
        REQUIRE_FALSE(p.ok());
        CHECK(p.error().messageKey == "error.phone_format");
    }
}

TEST_CASE("a registration lists every field at fault at once") {
    Registration r;
    r.channel = "fax";
    r.customerName = "  ";
    r.contactMethod = "phone";
    r.content = "";
    r.category = "billing";
    r.receivedAt = kEarliestTimeMs;
    const auto errors = validateRegistration(r, kEarliestTimeMs);
    std::vector<std::string> fields;
    for (const auto& e : errors) fields.push_back(e.field);
    CHECK(fields == std::vector<std::string>{"channel", "customer_name", "customer_phone", "content"});
}

TEST_CASE("receipt times in the future are refused beyond the clock skew") {
    Registration r{"phone", "王芳", "13800138000", "", "phone", "宽带断网", "service_quality", "", "normal", 0};
    const TimeMs now = 1'796'000'000'000; // 2026-11
    r.receivedAt = now + kClockSkewMs;
    CHECK(validateRegistration(r, now).empty());
    r.receivedAt = now + kClockSkewMs + 1;
    const auto errors = validateRegistration(r, now);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].messageKey == "error.in_future");
}

TEST_CASE("receipt and charge times before 2000 are refused, as the import gate refuses them") {
    const TimeMs now = 1'796'000'000'000;
    Registration r{"phone", "王芳", "13800138000", "", "phone", "多扣费", "billing", "", "normal", kEarliestTimeMs};
    r.chargeDate = kEarliestTimeMs;
    CHECK(validateRegistration(r, now).empty());
    r.receivedAt = kEarliestTimeMs - 1;
    r.chargeDate = kEarliestTimeMs - 1;
    std::vector<std::string> refused;
    for (const auto& e : validateRegistration(r, now)) refused.push_back(e.field + " " + e.messageKey);
    CHECK(refused == std::vector<std::string>{"received_at error.before_2000", "charge_date error.before_2000"});
    r.receivedAt = now;
    r.chargeDate = now + kClockSkewMs + 1;
    CHECK(validateRegistration(r, now).at(0).messageKey == "error.in_future");
}

TEST_CASE("an e-mail address needs a name, one @ and a host with a dot, and none at all is fine") {
    for (const char* ok : {"wxm@example.com", "a.b+c@mail.chinatelecom.cn", "w***@example.com", "王@例子.中国"})
        CHECK_MESSAGE(emailOk(ok), ok);
    for (const char* bad : {"wxm", "@example.com", "wxm@", "wxm@example", "wxm@example.", "w x@example.com",
                            "a@b@example.com", "wxm@.com"})
        CHECK_MESSAGE(!emailOk(bad), bad);
    Registration r{"email", "王小明", "", "ACC1", "email", "账单多扣", "billing", "", "normal", 1'800'000'000'000};
    r.email = "wxm@example";
    r.address = std::string(201, 'x');
    const auto errors = validateRegistration(r, r.receivedAt);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].field == "email");
    CHECK(errors[0].messageKey == "error.email_format");
    CHECK(errors[1].field == "address");
    CHECK(errors[1].messageKey == "error.too_long");
}

TEST_CASE("lengths count characters, not bytes") {
    Registration r{"phone", std::string(), "13800138000", "", "phone", "内容", "billing", "", "", kEarliestTimeMs};
    for (int i = 0; i < 50; ++i) r.customerName += "王";
    CHECK(validateRegistration(r, kEarliestTimeMs).empty());
    r.customerName += "王";
    CHECK(validateRegistration(r, kEarliestTimeMs).at(0).messageKey == "error.too_long");
}

TEST_CASE("a category is suggested from keywords in the complaint") {
    CHECK(suggestCategory("家里宽带经常掉线，网速很慢") == Category::ServiceQuality);
    CHECK(suggestCategory("这个月话费多扣了50元") == Category::Billing);
    CHECK(suggestCategory("申请的套餐变更一直没有办理") == Category::Business);
    CHECK_FALSE(suggestCategory("hello").has_value());
}

TEST_CASE("payload fields round-trip through their canonical JSON, escapes included") {
    const Fields f{{"content", "他说：\"网络\\断了\"\n第二行\t制表"}, {"a", ""}, {"n", "42"}};
    const std::string text = encodeFields(f);
    CHECK(text.rfind("{\"a\":\"\"", 0) == 0); // keys sorted
    auto back = decodeFields(text);
    REQUIRE(back.ok());
    CHECK(back.value() == f);
    CHECK(decodeFields("{\"k\":\"\\u5bbd\\u5e26\"}").value().at("k") == "宽带");
    for (const char* bad : {"", "{", "{\"a\":1}", "{\"a\":\"x\",\"a\":\"y\"}", "{\"a\":\"x\"} junk", "[\"a\"]"})
        CHECK_FALSE(decodeFields(bad).ok());
}

TEST_CASE("HLC ticks are strictly increasing even when the wall clock stands still or goes back") {
    HlcClock clock;
    const Hlc a = clock.tick(1000), b = clock.tick(1000), c = clock.tick(900);
    CHECK(a < b);
    CHECK(b < c);
    clock.observe({5000, 7});
    CHECK(clock.tick(1000) > Hlc{5000, 7});
    CHECK(parseHlc(formatHlc({1795829400000, 3})).value() == Hlc{1795829400000, 3});
    CHECK(formatHlc({2, 0}) < formatHlc({10, 0})); // text order = time order
}

TEST_CASE("an HLC counter at its 8-digit limit moves on to the next millisecond, so every stamp keeps its text form") {
    HlcClock clock;
    clock.observe({5000, kMaxHlcCounter - 1});
    const Hlc last = clock.tick(1000), next = clock.tick(1000);
    CHECK(last == Hlc{5000, kMaxHlcCounter});
    CHECK(next == Hlc{5001, 0});
    CHECK(last < next);
    CHECK(parseHlc(formatHlc(next)).ok());
    CHECK(parseHlc(formatHlc(last)).ok());
}

TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors") {
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
