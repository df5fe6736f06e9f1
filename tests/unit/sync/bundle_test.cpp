#include <doctest/doctest.h>

#include "core/sha256.h"
#include "sync/bundle.h"
#include "sync/event_json.h"
#include "sync/sealed.h"

using namespace tousu;

namespace {

core::Event event(int i, const char* type = "investigate") {
    core::Event e;
    e.id = "e" + std::to_string(i);
    e.caseId = "case-1";
    e.hlc = {1795829400000 + i, 0};
    e.origin = "dev-a";
    e.actor = "s05";
    e.type = type;
    e.fields = {{"note", "第" + std::to_string(i) + "条记录，\"引号\"\n换行"}};
    return e;
}

sync::Bundle sample(int n = 3) {
    sync::Bundle b{"dev-a", "BJ01", "北京一营", 1795829400000, {}};
    for (int i = 0; i < n; ++i) b.events.push_back(event(i));
    return b;
}

std::string refusal(const std::string& text) {
    auto r = sync::readBundle(text);
    return r.ok() ? "accepted" : r.error().messageKey;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("a bundle reads back with its header and every event in order") {
    const sync::Bundle b = sample();
    auto back = sync::readBundle(sync::writeBundle(b));
    REQUIRE(back.ok());
    CHECK(back.value().origin == "dev-a");
    CHECK(back.value().officeCode == "BJ01");
    CHECK(back.value().officeName == "北京一营");
    CHECK(back.value().created == b.created);
    REQUIRE(back.value().events.size() == 3);
    for (int i = 0; i < 3; ++i) CHECK(core::canonicalText(back.value().events[i]) == core::canonicalText(b.events[i]));
}

TEST_CASE("an empty bundle is valid") { CHECK(refusal(sync::writeBundle(sample(0))) == "accepted"); }

TEST_CASE("each kind of broken file is refused with its own message") {
    const std::string good = sync::writeBundle(sample());
    CHECK(refusal("") == "error.bundle_not_json");
    CHECK(refusal("这不是JSON") == "error.bundle_not_json");
    CHECK(refusal("[1, 2, 3]") == "error.bundle_format");
    CHECK(refusal(good.substr(0, good.size() / 2)) == "error.bundle_truncated");
    CHECK(refusal(good.substr(0, good.find("},\n") + 1)) == "error.bundle_truncated"); // cut right after an event
    CHECK(refusal(replaced(good, "\"tousu.bundle\"", "\"other.bundle\"")) == "error.bundle_format");
    CHECK(refusal(replaced(good, "\"version\":2", "\"version\":3")) == "error.bundle_newer");
    CHECK(refusal(replaced(good, "\"version\":2", "\"version\":\"2\"")) == "error.bundle_format");
    CHECK(refusal(replaced(good, "\"count\":3", "\"count\":4")) == "error.bundle_count");
    CHECK(refusal(replaced(good, "第1条记录", "第9条记录")) == "error.bundle_hash");
    CHECK(refusal(replaced(good, "\"events\":[", "\"evts\":[")) == "error.bundle_format");
    CHECK(refusal(replaced(good, "\"type\":\"investigate\"", "\"type\":\"teleport\"")) == "error.bundle_event");
    CHECK(refusal(replaced(good, "\"events\":[", "\"events\":[42,")) == "error.bundle_event");
    CHECK(refusal(replaced(good, "\"events\":[", "\"events\":[[],")) == "error.bundle_event");
    CHECK(refusal(replaced(good, "\"created\":\"", "\"created\":\"x")) == "error.bundle_format");
}

TEST_CASE("a refused event is named by its position and field") {
    const std::string good = sync::writeBundle(sample());
    auto r = sync::readBundle(replaced(good, "\"hlc\":\"0001795829400001", "\"hlc\":\"soon"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().field == "hlc");
    CHECK(r.error().detail.rfind("event 2:", 0) == 0);
}

TEST_CASE("the same event id twice: dropped if identical, refused if the content differs") {
    sync::Bundle b = sample(2);
    b.events.push_back(b.events[0]);
    auto read = sync::readBundle(sync::writeBundle(b));
    REQUIRE(read.ok());
    CHECK(read.value().events.size() == 2);
    b.events.back().fields["note"] = "改过";
    CHECK(refusal(sync::writeBundle(b)) == "error.bundle_duplicate");
}

TEST_CASE("oversized input is refused before it is parsed") {
    sync::Bundle b = sample(1);
    b.events[0].fields["note"] = std::string(sync::kMaxFieldBytes + 1, 'x');
    CHECK(refusal(sync::writeBundle(b)) == "error.bundle_event");
    const std::string huge(sync::kMaxBundleBytes + 1, ' ');
    CHECK(refusal(huge) == "error.bundle_too_large");
    // A file under the size limit can still hold more events than a desk keeps in memory at once
    // (about 5.06 million of the smallest events fit in 512 MiB); it says so in its count.
    const std::string good = sync::writeBundle(sample(3));
    CHECK(refusal(replaced(good, "\"count\":3", "\"count\":5000001")) == "error.bundle_too_many");
    CHECK(refusal(replaced(good, "\"count\":3", "\"count\":5e6")) == "error.bundle_count"); // the limit itself
}

TEST_CASE("a bundle nested 100,000 deep anywhere, or with a version that wraps as an int, is refused without a crash") {
    const std::string good = sync::writeBundle(sample());
    std::string deep(100000, '[');
    deep += '1';
    deep.append(100000, ']');
    for (const char* member : {"\"count\":", "\"office\":", "\"format\":", "\"version\":"}) {
        CAPTURE(member);
        std::string nested = member;
        nested += deep;
        nested += ",\"was\":";
        CHECK(refusal(replaced(good, member, nested)) == "error.bundle_format");
    }
    CHECK(refusal(replaced(good, "\"version\":2", "\"version\":4294967298")) == "error.bundle_format");
    // The same change without the nesting is refused for its shape (a header key no tousu writes), not its depth.
    const auto shallow = sync::readBundle(replaced(good, "\"office\":{", "\"office\":\"BJ01\",\"was\":{"));
    REQUIRE_FALSE(shallow.ok());
    CHECK(shallow.error().detail.find("nested") == std::string::npos);
    CHECK(shallow.error().detail.find("unknown header key: was") != std::string::npos);
}

TEST_CASE("version 2 carries files whole, each checked against its hash and size, and version 1 still reads") {
    sync::Bundle b = sample();
    std::string recording(70'000, '\0');
    for (std::size_t i = 0; i < recording.size(); ++i) recording[i] = static_cast<char>(i * 31 % 256);
    b.attachments = {{core::sha256Hex(recording), recording}, {core::sha256Hex("账单"), "账单"}};
    const std::string good = sync::writeBundle(b);
    auto back = sync::readBundle(good);
    REQUIRE(back.ok());
    REQUIRE(back.value().attachments.size() == 2);
    CHECK(back.value().attachments[0].bytes == recording);
    CHECK(back.value().attachments[1].bytes == "账单");

    const std::string billData = "\"data\":\"" + sync::base64Encode("账单") + "\"";
    CHECK(refusal(replaced(good, billData, "\"data\":\"" + sync::base64Encode("帐单") + "\"")) ==
          "error.bundle_attachment");
    CHECK(refusal(replaced(good, "\"size\":6", "\"size\":7")) == "error.bundle_attachment");
    CHECK(refusal(replaced(good, billData, "\"data\":\"not base64!\"")) == "error.bundle_attachment");
    CHECK(refusal(replaced(good, "\"attachments\":[", "\"attachments\":[7,")) == "error.bundle_attachment");
    CHECK(refusal(replaced(good, "\"version\":2", "\"version\":1")) == "error.bundle_format"); // v1 had none

    // A version 1 file, as tousu wrote them before files: no attachments array at all.
    std::string v1 = replaced(sync::writeBundle(sample()), "\"version\":2", "\"version\":1");
    v1 = replaced(v1, ",\"attachments\":[\n]", "");
    auto old = sync::readBundle(v1);
    REQUIRE(old.ok());
    CHECK(old.value().events.size() == 3);
    CHECK(old.value().attachments.empty());
}
