// The case file's own entries (app::Cases::amend, addNote, messageCustomer): a correction keeps the
// old and the new value, is checked as intake checks, is refused to whoever may not make it, and
// everything that reads the customer follows it (search, repeats, deadlines); notes and messages are
// written in any state without moving the case; all three travel in bundles, masked where asked,
// and an erasure reaches the values an amendment replaced.
#include <doctest/doctest.h>

#include "app/app.h"
#include "core/deadline.h"
#include "core/redact.h"
#include "test_office.h"

using namespace tousu;
using core::Role;
using test::Office;

namespace {

std::string registerFor(Office& o, const char* name, const char* phone, const char* category = "billing") {
    auto ref = o.app->cases().registerCase(
        {"phone", name, phone, "", "phone", "话费多扣了二十元", category, "", "normal", o.clock.now()});
    REQUIRE(ref.ok());
    o.clock.jumpBy(60'000);
    return ref.value().id;
}

int found(Office& o, const std::string& text) {
    core::ListQuery q;
    q.filter.search = text;
    return o.app->cases().listCases(q).value().total;
}

std::vector<std::string> fieldsInError(const core::Status& st) {
    std::vector<std::string> out;
    for (const core::Error& e : st.error().fieldErrors) out.push_back(e.field + " " + e.messageKey);
    return out;
}

} // namespace

TEST_CASE("a mistyped phone corrected: the event keeps both, and search and the customer key follow") {
    Office o("BJ01", 31);
    o.app->setActor({"s01", Role::Agent});
    const std::string id = registerFor(o, "王小明", "13800138000");
    REQUIRE(o.app->cases().amend(id, {{"phone", "139 0013 9000"}, {"customer_name", "王晓明"}}, "电话听错了").ok());

    const core::Case c = o.app->cases().caseById(id).value();
    CHECK(c.phone == "13900139000");
    CHECK(c.customerKey == "13900139000");
    CHECK(c.customerName == "王晓明");
    const core::Event amend = o.app->cases().timeline(id).value().back();
    CHECK(amend.type == "amend");
    CHECK(amend.actor == "s01");
    CHECK(core::getField(amend.fields, "phone") == "13900139000");
    CHECK(core::getField(amend.fields, "old.phone") == "13800138000");
    CHECK(core::getField(amend.fields, "old.customer_name") == "王小明");
    CHECK(core::getField(amend.fields, "reason") == "电话听错了");
    CHECK_FALSE(amend.fields.count("content")); // only what changed
    CHECK(found(o, "13900139000") == 1);
    CHECK(found(o, "13800138000") == 0);
    CHECK(found(o, "王晓明") == 1);
    CHECK(c.state == core::State::Registered); // not a step
}

TEST_CASE("a correction is checked as intake checks it, needs a reason and a change, and writes nothing when refused") {
    Office o("BJ01", 32);
    const std::string id = registerFor(o, "王小明", "13800138000");
    const int events = static_cast<int>(o.app->cases().timeline(id).value().size());
    auto st = o.app->cases().amend(id, {{"phone", "12345"}, {"email", "not-an-address"}}, "");
    REQUIRE_FALSE(st);
    CHECK(fieldsInError(st) == std::vector<std::string>{"customer_phone error.phone_format", "email error.email_format",
                                                        "reason error.required"});
    st = o.app->cases().amend(id, {{"phone", ""}}, "客户不留电话"); // then nothing would reach the customer
    REQUIRE_FALSE(st);
    CHECK(fieldsInError(st) == std::vector<std::string>{"customer_phone error.phone_or_account"});
    st = o.app->cases().amend(id, {{"received_at", std::to_string(o.clock.now() + core::kHourMs)}}, "时间");
    REQUIRE_FALSE(st);
    CHECK(fieldsInError(st) == std::vector<std::string>{"received_at error.in_future"});
    st = o.app->cases().amend(id, {{"phone", "138-0013-8000"}}, "同一个号码");
    REQUIRE_FALSE(st);
    CHECK(st.error().messageKey == "error.nothing_amended");
    st = o.app->cases().amend(id, {{"category", "other"}}, "类别"); // a step's business: classify
    REQUIRE_FALSE(st);
    CHECK(st.error().fieldErrors.at(0).messageKey == "error.not_amendable");
    CHECK(o.app->cases().timeline(id).value().size() == std::size_t(events));
}

TEST_CASE("who may correct: the person who registered it while it is open, supervisors always, never after erasure") {
    Office o("BJ01", 33);
    o.app->setActor({"s01", Role::Agent});
    const std::string id = registerFor(o, "王小明", "13800138000");
    o.app->setActor({"s02", Role::Agent}); // another agent
    CHECK(o.app->cases().amend(id, {{"customer_name", "王晓明"}}, "改名").error().messageKey ==
          "error.amend_not_yours");
    o.app->setActor({"s03", Role::Handler}); // the role table: handlers do not correct registrations
    CHECK(o.app->cases().amend(id, {{"customer_name", "王晓明"}}, "改名").error().messageKey ==
          "error.role_not_allowed");
    o.app->setActor({"s09", Role::Supervisor});
    REQUIRE(o.app->cases().cancel(id, "客户撤回").ok());
    o.app->setActor({"s01", Role::Agent});
    CHECK(o.app->cases().amend(id, {{"customer_name", "王晓明"}}, "改名").error().messageKey ==
          "error.amend_not_yours");
    o.app->setActor({"s09", Role::Supervisor});
    CHECK(o.app->cases().amend(id, {{"customer_name", "王晓明"}}, "改名").ok());
    o.app->setActor({"s10", Role::Admin});
    REQUIRE(o.app->personalData().eraseCustomer(id).ok());
    CHECK(o.app->cases().amend(id, {{"customer_name", "王晓明"}}, "改名").error().messageKey == "error.amend_erased");
}

TEST_CASE("the complaint a case repeats follows a corrected phone, and a corrected received time moves the deadlines") {
    Office o("BJ01", 34);
    const std::string earlier = registerFor(o, "王小明", "13800138000");
    const std::string later = registerFor(o, "王小明", "13900139000");
    CHECK(o.app->cases().caseById(later).value().repeatOf.empty());
    REQUIRE(o.app->cases().amend(later, {{"phone", "13800138000"}}, "号码记错").ok());
    CHECK(o.app->cases().caseById(later).value().repeatOf == earlier);
    REQUIRE(o.app->cases().amend(later, {{"phone", "13700137000"}}, "还是记错了").ok());
    CHECK(o.app->cases().caseById(later).value().repeatOf.empty());

    const core::Case before = o.app->cases().caseById(earlier).value();
    const core::TimeMs received = before.receivedAt - 2 * core::kHourMs; // it came in two hours before it was typed
    REQUIRE(o.app->cases().amend(earlier, {{"received_at", std::to_string(received)}}, "补登").ok());
    const core::Case after = o.app->cases().caseById(earlier).value();
    CHECK(after.receivedAt == received);
    const auto cal = core::Calendar::clockHours();
    const auto dueBefore = core::deadlineStatus(before, o.clock.now(), cal, 0.2);
    const auto dueAfter = core::deadlineStatus(after, o.clock.now(), cal, 0.2);
    REQUIRE(dueBefore.size() == dueAfter.size());
    for (std::size_t i = 0; i < dueAfter.size(); ++i)
        CHECK(dueAfter[i].dueAt == dueBefore[i].dueAt - 2 * core::kHourMs);
}

TEST_CASE("notes and replies are written in any state, by handlers too, and move nothing") {
    Office o("BJ01", 35);
    const std::string id = registerFor(o, "王小明", "13800138000");
    o.app->setActor({"s03", Role::Handler});
    REQUIRE(o.app->cases().addNote(id, "客户只在下午接电话").ok());
    REQUIRE(o.app->cases().messageCustomer(id, "sms", "您的投诉正在处理").ok());
    CHECK(o.app->cases().caseById(id).value().state == core::State::Registered);
    CHECK(o.app->cases().addNote(id, " ").error().fieldErrors.at(0).field == "note");
    CHECK(fieldsInError(o.app->cases().messageCustomer(id, "pigeon", "")) ==
          std::vector<std::string>{"contact_method error.required", "text error.required"});
    o.app->setActor({"s10", Role::Admin});
    REQUIRE(o.app->cases().cancel(id, "撤回").ok());
    CHECK(o.app->cases().addNote(id, "撤回后客户又来电").ok());
    const auto events = o.app->cases().timeline(id).value();
    std::vector<std::string> types;
    for (const core::Event& e : events) types.push_back(e.type);
    CHECK(types == std::vector<std::string>{"register", "note", "message", "cancel", "note"});
}

TEST_CASE("corrections, notes and replies travel in a bundle, and a masked bundle hides the old values too") {
    Office a("BJ01", 36), b("BJ02", 37);
    const std::string id = registerFor(a, "王小明", "13800138000");
    REQUIRE(a.app->cases().amend(id, {{"phone", "13900139000"}, {"email", "wxm@example.com"}}, "记错").ok());
    REQUIRE(a.app->cases().addNote(id, "内部：客户是老用户").ok());
    REQUIRE(a.app->cases().messageCustomer(id, "email", "已收到您的投诉").ok());
    b.importFrom(a.exportAll());
    CHECK(b.digest() == a.digest());
    const core::Case there = b.app->cases().caseById(id).value();
    CHECK(there.phone == "13900139000");
    CHECK(there.email == "wxm@example.com");

    const sync::Bundle masked = a.exportAll({"", {}, true});
    for (const core::Event& e : masked.events) {
        if (e.type != "amend") continue;
        CHECK(core::getField(e.fields, "phone") == "139****9000");
        CHECK(core::getField(e.fields, "old.phone") == "138****8000");
        CHECK(core::getField(e.fields, "email") == "w***@example.com");
        CHECK(core::getField(e.fields, "old.customer_key").rfind("anon-", 0) == 0);
    }
    Office c("BJ03", 38);
    c.importFrom(masked); // a masked bundle is still a valid one
    CHECK(c.app->cases().caseById(id).value().phone == "139****9000");
}

TEST_CASE("an erasure reaches what a correction replaced: the old name and phone are gone from every event") {
    Office o("BJ01", 39);
    const std::string id = registerFor(o, "欧阳明远", "13912345678");
    REQUIRE(o.app->cases().amend(id, {{"customer_name", "欧阳明达"}, {"phone", "13912345679"}}, "记错").ok());
    REQUIRE(o.app->cases().cancel(id, "撤回").ok());
    REQUIRE(o.app->personalData().eraseCustomer(id).ok());
    const auto events = o.app->cases().timeline(id).value();
    for (const core::Event& e : events)
        for (const auto& field : e.fields) {
            const std::string& key = field.first;
            CAPTURE(key);
            if (core::isPersonalField(key)) CHECK(field.second.empty());
            for (const char* v : {"欧阳明远", "欧阳明达", "13912345678", "13912345679"})
                CHECK(field.second.find(v) == std::string::npos);
        }
    CHECK(found(o, "欧阳明远") == 0);
}

TEST_CASE("an amendment arriving with a value intake would refuse is refused with the bundle, and nothing stored") {
    Office a("BJ01", 40), b("BJ02", 41);
    const std::string id = registerFor(a, "王小明", "13800138000");
    REQUIRE(a.app->cases().amend(id, {{"email", "wxm@example.com"}}, "补邮箱").ok());
    sync::Bundle bundle = a.exportAll();
    for (core::Event& e : bundle.events)
        if (e.type == "amend") e.fields["old.email"] = "not an address";
    auto st = b.app->exchange().importBundle(bundle, true);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().messageKey == "error.bundle_value");
    CHECK(b.caseCount() == 0);
}

TEST_CASE(
    "a customer's record holds all their complaints, the one each repeats, their contacts and what they were told") {
    Office o("BJ01", 42);
    const std::string first = registerFor(o, "王小明", "13800138000");
    const std::string second = registerFor(o, "王晓明", "13800138000"); // a repeat, the name typed otherwise
    registerFor(o, "李雷", "13900139000");                              // someone else
    REQUIRE(o.app->cases().amend(second, {{"email", "wxm@example.com"}}, "客户留了邮箱").ok());
    REQUIRE(o.app->cases().messageCustomer(first, "sms", "正在处理").ok());
    REQUIRE(o.app->cases().addNote(first, "内部备注不算沟通").ok());

    const app::CustomerRecord r = o.app->customers().record("13800138000").value();
    CHECK(r.total == 2);
    REQUIRE(r.cases.size() == 2);
    CHECK(r.cases[0].c.id == second); // newest first
    CHECK(r.cases[0].repeatOfNumber == o.app->cases().caseById(first).value().number);
    CHECK(r.cases[1].repeatOfNumber.empty());
    CHECK(r.names == std::vector<std::string>{"王晓明", "王小明"});
    CHECK(r.phones == std::vector<std::string>{"13800138000"});
    CHECK(r.emails == std::vector<std::string>{"wxm@example.com"});
    REQUIRE(r.byCategory.size() == 1);
    CHECK(r.byCategory[0].key == "billing");
    CHECK(r.byCategory[0].count == 2);
    REQUIRE(r.messages.size() == 1);
    CHECK(r.messages[0].text == "正在处理");
    CHECK(r.messages[0].method == "sms");
    CHECK(o.app->customers().record("13700137000").error().messageKey == "error.customer_not_found");
}

TEST_CASE("cases chosen in the list are listed by their ids, and reassigned together or not at all") {
    Office o("BJ01", 43);
    std::vector<std::string> ids;
    for (const char* phone : {"13800138001", "13800138002", "13800138003"})
        ids.push_back(registerFor(o, "王小明", phone));
    core::ListQuery q;
    q.filter.caseIds = {ids[0], ids[2]};
    const core::CasePage chosen = o.app->cases().listCases(q).value();
    CHECK(chosen.total == 2);
    REQUIRE(chosen.rows.size() == 2);
    CHECK(chosen.rows[0].id == ids[2]); // newest first, as the list sorts
    CHECK(chosen.rows[1].id == ids[0]);

    for (const std::string& id : {ids[0], ids[1]}) {
        REQUIRE(o.app->cases().confirm(id, "sms", "").ok());
        REQUIRE(o.app->cases().classify(id, "billing", "", "normal").ok());
        REQUIRE(o.app->cases().dispatch(id, "billing", "s05", o.clock.now() + core::kHourMs).ok());
    }
    o.app->setActor({"s09", Role::Supervisor});
    const auto eventsOf = [&](const std::string& id) { return o.app->cases().timeline(id).value().size(); };
    const std::size_t before = eventsOf(ids[0]);
    auto st = o.app->cases().reassignMany(ids, "billing", "s06", "张伟离职"); // the third is not dispatched yet
    REQUIRE_FALSE(st);
    CHECK(st.error().messageKey == "error.reassign_not_allowed");
    CHECK(st.error().detail == o.app->cases().caseById(ids[2]).value().number);
    CHECK(eventsOf(ids[0]) == before); // nothing, not even the cases before it
    REQUIRE(o.app->cases().reassignMany({ids[0], ids[1]}, "billing", "s06", "张伟离职").ok());
    for (const std::string& id : {ids[0], ids[1]}) {
        const core::Event last = o.app->cases().timeline(id).value().back();
        CHECK(last.type == "reassign");
        CHECK(core::getField(last.fields, "reason") == "张伟离职");
        CHECK(o.app->cases().caseById(id).value().person == "s06");
    }
    o.app->setActor({"s01", Role::Agent});
    CHECK(o.app->cases().reassignMany({ids[0]}, "billing", "s05", "换人").error().messageKey ==
          "error.role_not_allowed");
}
