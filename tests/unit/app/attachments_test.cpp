// Files on a case (app/attachments.h): stored with their event in one transaction, in pieces, named
// by their SHA-256; refused with a reason for every bad input, nothing written; withdrawn but kept;
// carried in version 2 bundles (not masked ones) and backups; dropped when the customer is erased.
#include <doctest/doctest.h>

#include "app/app.h"
#include "core/redact.h"
#include "core/sha256.h"
#include "store/attachment_store.h"
#include "test_office.h"

using namespace tousu;
using core::Role;
using test::Office;

namespace {

// Bytes that are not all alike, so a piece out of place would show.
std::string fileOf(std::size_t size, char seed = 'a') {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>(seed + (i * 7 + i / 1000) % 26);
    return bytes;
}

std::int64_t eventCount(Office& o) { return o.app->cases().timeline(o.cases().rows.front().id).value().size(); }

std::string refusal(const core::Result<std::string>& r) {
    if (r) return "attached";
    return r.error().fieldErrors.empty() ? r.error().messageKey : r.error().fieldErrors.front().messageKey;
}

} // namespace

TEST_CASE("a file attached: its event names it, the case lists it, and its bytes come back whole from their pieces") {
    Office o("BJ01", 41);
    o.app->setActor({"s01", Role::Agent});
    const std::string id = o.registerOne();
    const std::string recording = fileOf(600 * 1024 + 17); // three pieces of 256 KB
    auto sha = o.app->attachments().attach(id, "通话录音.MP3", recording);
    REQUIRE(sha.ok());
    CHECK(sha.value() == core::sha256Hex(recording));

    const core::Event e = o.app->cases().timeline(id).value().back();
    CHECK(e.type == "attach");
    CHECK(e.actor == "s01");
    CHECK(core::getField(e.fields, "attachment") == sha.value());
    CHECK(core::getField(e.fields, "name") == "通话录音.MP3");
    CHECK(core::getField(e.fields, "media_type") == "audio/mpeg");
    CHECK(core::getField(e.fields, "size") == std::to_string(recording.size()));
    const core::Case c = o.app->cases().caseById(id).value();
    REQUIRE(c.attachments.size() == 1);
    CHECK(c.attachments[0].name == "通话录音.MP3");
    CHECK(c.attachments[0].by == "s01");
    CHECK(c.state == core::State::Registered); // a file does not move the case
    CHECK(o.app->attachments().bytes(sha.value()).value() == recording);
    CHECK(o.app->verify().value().empty());
}

TEST_CASE("every bad file is refused with its own reason, and nothing is written") {
    Office o("BJ01", 42);
    const std::string id = o.registerOne();
    REQUIRE(o.app->attachments().setMaxFileMegabytes(1).ok());
    REQUIRE(o.app->attachments().setMaxCaseMegabytes(2).ok());
    REQUIRE(o.app->attachments().attach(id, "账单.pdf", fileOf(900 * 1024)).ok());
    const auto before = eventCount(o);
    app::Attachments& files = o.app->attachments();
    CHECK(refusal(files.attach(id, "空白.png", "")) == "error.attachment_empty");
    CHECK(refusal(files.attach(id, "大录音.wav", fileOf(1024 * 1024 + 1))) == "error.attachment_too_large");
    CHECK(refusal(files.attach(id, "../../etc/passwd.txt", "x")) == "error.attachment_name");
    CHECK(refusal(files.attach(id, "C:\\账单.pdf", "x")) == "error.attachment_name");
    CHECK(refusal(files.attach(id, "账单\n.pdf", "x")) == "error.attachment_name");
    CHECK(refusal(files.attach(id, std::string(121, 'a') + ".txt", "x")) == "error.attachment_name");
    CHECK(refusal(files.attach(id, "安装程序.exe", "MZ")) == "error.attachment_type");
    CHECK(refusal(files.attach(id, "没有扩展名", "x")) == "error.attachment_type");
    CHECK(refusal(files.attach(id, "同一个账单.pdf", fileOf(900 * 1024))) == "error.attachment_duplicate");
    // 900 KB on the case; another 900 KB fits under 2 MB, a third does not.
    REQUIRE(files.attach(id, "照片.jpg", fileOf(900 * 1024, 'b')).ok());
    CHECK(refusal(files.attach(id, "照片2.jpg", fileOf(900 * 1024, 'c'))) == "error.case_attachments_full");
    CHECK(eventCount(o) == before + 1);
    CHECK(files.setMaxFileMegabytes(0).error().fieldErrors.front().messageKey == "error.attachment_limit");
    o.app->setActor({"s01", Role::Agent});
    CHECK(files.setMaxFileMegabytes(5).error().messageKey == "error.role_not_allowed");
}

TEST_CASE("on a closed case only supervisors attach, and a file is withdrawn with a reason by whoever may, and kept") {
    Office o("BJ01", 43);
    o.app->setActor({"s01", Role::Agent});
    const std::string id = o.registerOne();
    const std::string photo = fileOf(5000);
    const std::string sha = o.app->attachments().attach(id, "光猫.jpg", photo).value();

    o.app->setActor({"s02", Role::Agent});
    CHECK(o.app->attachments().withdraw(id, sha, "传错了").error().messageKey == "error.withdraw_not_yours");
    o.app->setActor({"s01", Role::Agent});
    CHECK(o.app->attachments().withdraw(id, sha, " ").error().fieldErrors.front().messageKey == "error.required");
    REQUIRE(o.app->attachments().withdraw(id, sha, "传错了").ok());
    CHECK(o.app->attachments().withdraw(id, sha, "再撤一次").error().messageKey == "error.attachment_not_found");
    const core::Case c = o.app->cases().caseById(id).value();
    REQUIRE(c.attachments.size() == 1);
    CHECK(c.attachments[0].withdrawn);
    CHECK(c.attachments[0].withdrawnReason == "传错了");
    CHECK(o.app->attachments().bytes(sha).value() == photo);          // for the audit trail
    REQUIRE(o.app->attachments().attach(id, "光猫.jpg", photo).ok()); // attached again after all
    CHECK(o.app->cases().caseById(id).value().attachments.size() == 2);

    o.app->setActor({"s10", Role::Admin});
    REQUIRE(o.app->cases().cancel(id, "客户撤回").ok());
    o.app->setActor({"s01", Role::Agent});
    CHECK(refusal(o.app->attachments().attach(id, "回执.png", "receipt")) == "error.attach_closed");
    o.app->setActor({"s09", Role::Supervisor});
    CHECK(o.app->attachments().attach(id, "回执.png", "receipt").ok());
}

TEST_CASE("files travel in a bundle, are left out of a masked one, and one that did not come arrives later") {
    Office a("BJ01", 44), b("SH01", 45), regulator("GD01", 49);
    const std::string id = a.registerOne();
    const std::string bill = fileOf(300 * 1024);
    const std::string sha = a.app->attachments().attach(id, "账单.pdf", bill).value();

    const sync::Bundle masked = a.exportAll({"", {}, true});
    CHECK(masked.attachments.empty());
    CHECK(regulator.importFrom(masked).missingFiles == 1);
    CHECK_FALSE(regulator.app->attachments().stored(sha));
    CHECK(regulator.app->attachments().bytes(sha).error().messageKey == "error.attachment_missing");

    sync::Bundle whole = a.exportAll();
    REQUIRE(whole.attachments.size() == 1);
    CHECK(whole.attachments.front().bytes == bill);
    sync::Bundle withoutFile = whole; // as relayed by an office that did not have the file
    withoutFile.attachments.clear();
    CHECK(b.importFrom(withoutFile).missingFiles == 1);
    const auto later = b.importFrom(whole);
    CHECK(later.newFiles == 1);
    CHECK(later.missingFiles == 0);
    CHECK(b.app->attachments().bytes(sha).value() == bill);
    CHECK(b.app->cases().caseById(id).value().attachments.size() == 1);
    CHECK(b.digest() == a.digest());
}

TEST_CASE("a backup holds the files, and a restore brings them back") {
    Office o("BJ01", 46);
    const std::string id = o.registerOne();
    const std::string bill = fileOf(70 * 1024);
    const std::string sha = o.app->attachments().attach(id, "账单.png", bill).value();
    const std::string backup = o.app->backups().backup().value();
    REQUIRE(o.app->attachments().withdraw(id, sha, "传错了").ok());
    Office other("SH01", 47);
    REQUIRE(other.app->backups().restore(backup).ok());
    CHECK(other.app->attachments().bytes(sha).value() == bill);
    CHECK_FALSE(other.app->cases().caseById(id).value().attachments.front().withdrawn);
}

TEST_CASE("an erasure drops the customer's files, except one another customer's case holds too") {
    Office o("BJ01", 48);
    const std::string erased = o.registerOne();
    core::Registration other{"phone",           "李雷",          "13900139000", "",           "phone", "宽带断网",
                             "service_quality", "network_fault", "normal",      o.clock.now()};
    const std::string kept = o.app->cases().registerCase(other).value().id;
    const std::string own = o.app->attachments().attach(erased, "王芳身份证.jpg", fileOf(4000)).value();
    const std::string shared = o.app->attachments().attach(erased, "资费公告.pdf", fileOf(4000, 'k')).value();
    REQUIRE(o.app->attachments().attach(kept, "资费公告.pdf", fileOf(4000, 'k')).ok());
    REQUIRE(o.app->cases().cancel(erased, "客户撤回").ok());
    REQUIRE(o.app->personalData().eraseCustomer(erased).ok());

    CHECK_FALSE(o.app->attachments().stored(own));
    CHECK(o.app->attachments().stored(shared));
    const core::Case c = o.app->cases().caseById(erased).value();
    CHECK(c.attachments.front().name == core::kErasedMark + std::string("身份证.jpg")); // the name scrubbed too
    CHECK(refusal(o.app->attachments().attach(erased, "补充.png", "x")) == "error.attach_erased");
    CHECK(o.app->verify().value().empty());
}
