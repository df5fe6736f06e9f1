// Events as CouchDB documents and the replication protocol's bodies and answers (sync/couch.h). The
// protocol against a real server is tested in tests/e2e/couchdb.test.js (pouchdb-server).
#include <doctest/doctest.h>

#include "core/sha256.h"
#include "sample_event.h"
#include "sync/couch.h"
#include "sync/event_json.h"
#include "sync/sealed.h"

using namespace tousu;
using nlohmann::json;
namespace couch = sync::couch;

namespace {

std::string refusal(const json& doc) {
    auto e = couch::eventFromDocument(doc);
    return e ? std::string("accepted") : e.error().messageKey + " " + e.error().detail;
}

} // namespace

TEST_CASE("an event becomes a document keyed by its id and comes back byte for byte") {
    const core::Event e = test::sampleEvent();
    const json doc = couch::eventDocument(e);
    CHECK(doc["_id"] == e.id);
    CHECK_FALSE(doc.contains("id"));
    CHECK(doc["format"] == "tousu.event");
    CHECK(doc["version"] == 1);
    CHECK(doc["payload"]["note"] == "已联系客户，\"光猫\"需更换\n第二行");
    auto back = couch::eventFromDocument(json::parse(doc.dump()));
    REQUIRE(back.ok());
    CHECK(core::canonicalText(back.value()) == core::canonicalText(e));
}

TEST_CASE("the revision follows the content: the same event the same revision, another event another") {
    const core::Event e = test::sampleEvent();
    core::Event other = e;
    other.fields["note"] = "改过的内容";
    CHECK(couch::revisionOf(e) == couch::revisionOf(test::sampleEvent()));
    CHECK(couch::revisionOf(e) != couch::revisionOf(other));
    CHECK(couch::revisionOf(e).rfind("1-", 0) == 0);
    CHECK(couch::revisionOf(e).size() == 34);
}

TEST_CASE("documents changed, deleted, from a newer tousu or not events at all are refused") {
    const json good = couch::eventDocument(test::sampleEvent());
    CHECK(refusal(good) == "accepted");
    json changed = good;
    changed["payload"]["note"] = "篡改";
    CHECK(refusal(changed).find("changed on the server") != std::string::npos);
    json secondRevision = good;
    secondRevision["_rev"] = "2-0123456789abcdef0123456789abcdef";
    CHECK(refusal(secondRevision).find("changed on the server") != std::string::npos);
    json deleted = good;
    deleted["_deleted"] = true;
    CHECK(refusal(deleted).find("deleted") != std::string::npos);
    json newer = good;
    newer["version"] = 2;
    CHECK(refusal(newer).find("newer tousu") != std::string::npos);
    json other = {{"_id", "x"}, {"_rev", "1-ab"}, {"name", "something else"}};
    CHECK(refusal(other).find("not a tousu event") != std::string::npos);
    json attachment = good;
    attachment["_attachments"] = json::object();
    CHECK(refusal(attachment).find("error.couch_document") == 0);
    CHECK(refusal(json::array()).find("not an object") != std::string::npos);
}

TEST_CASE("_revs_diff asks about every event by its revision and reads back the missing ids") {
    core::Event a = test::sampleEvent(), b = test::sampleEvent();
    b.id = "11111111-2222-4333-8444-555555555555";
    const json asked = json::parse(couch::revsDiffRequest({a, b}));
    CHECK(asked.size() == 2);
    CHECK(asked[a.id] == json::array({couch::revisionOf(a)}));
    auto missing = couch::missingIds(R"({")" + b.id + R"(":{"missing":["1-x"]}})");
    REQUIRE(missing.ok());
    CHECK(missing.value() == std::set<std::string>{b.id});
    CHECK(couch::missingIds("{}").value().empty());
    CHECK(couch::missingIds("[1]").error().messageKey == "error.couch_answer");
    CHECK(couch::missingIds("{\"a\":").error().detail == "cut off");
}

TEST_CASE("_bulk_docs sends documents with their own revisions and reads refusals per document") {
    const json body = json::parse(couch::bulkDocsRequest({test::sampleEvent()}));
    CHECK(body["new_edits"] == false);
    CHECK(body["docs"][0]["_rev"] == couch::revisionOf(test::sampleEvent()));
    auto none = couch::bulkDocsRefusals(R"([{"ok":true,"id":"a","rev":"1-x"}])");
    REQUIRE(none.ok());
    CHECK(none.value().empty());
    auto refused =
        couch::bulkDocsRefusals(R"([{"id":"a","error":"forbidden","reason":"only supervisors may review"}])");
    REQUIRE(refused.ok());
    REQUIRE(refused.value().size() == 1);
    CHECK(refused.value()[0].id == "a");
    CHECK(refused.value()[0].error == "forbidden");
    CHECK(refused.value()[0].reason == "only supervisors may review");
}

TEST_CASE("_changes answers give events and a seq to go on from, a CouchDB string or a PouchDB number") {
    const json doc = couch::eventDocument(test::sampleEvent());
    const json couchAnswer = {
        {"results", json::array({{{"seq", "1-g1AAAA"}, {"id", "_design/tousu"}, {"doc", {{"_id", "_design/tousu"}}}},
                                 {{"seq", "2-g1AAAB"}, {"id", doc["_id"]}, {"doc", doc}}})},
        {"last_seq", "2-g1AAAB"},
        {"pending", 0}};
    auto changes = couch::readChanges(couchAnswer.dump());
    REQUIRE(changes.ok());
    CHECK(changes.value().events.size() == 1); // the design document is not an event
    CHECK(changes.value().results == 2);
    CHECK(changes.value().lastSeq == "2-g1AAAB");
    auto pouch = couch::readChanges(R"({"results":[],"last_seq":17})");
    REQUIRE(pouch.ok());
    CHECK(pouch.value().lastSeq == "17");
    CHECK(couch::readChanges(R"({"results":[]})").error().messageKey == "error.couch_answer");
    CHECK(couch::changesPath("2-g1AA/B", 500, true, 25000) ==
          "_changes?include_docs=true&attachments=true&since=2-g1AA%2FB&limit=500&feed=longpoll&timeout=25000");
}

TEST_CASE("one bad document refuses the whole batch of changes, naming it") {
    json doc = couch::eventDocument(test::sampleEvent());
    doc["payload"]["note"] = "篡改";
    const json answer = {{"results", json::array({{{"seq", 1}, {"id", doc["_id"]}, {"doc", doc}}})}, {"last_seq", 1}};
    auto changes = couch::readChanges(answer.dump());
    REQUIRE_FALSE(changes.ok());
    CHECK(changes.error().messageKey == "error.couch_document");
    CHECK(changes.error().field == test::sampleEvent().id);
    const json deleted = {{"results", json::array({{{"seq", 2}, {"id", "a"}, {"deleted", true}}})}, {"last_seq", 2}};
    CHECK(couch::readChanges(deleted.dump()).error().detail.find("deleted") != std::string::npos);
}

TEST_CASE("answers nested deeper than any answer of CouchDB are refused before they are parsed") {
    const std::string deep = "{\"results\":" + std::string(100'000, '[') + std::string(100'000, ']') + "}";
    CHECK(couch::readChanges(deep).error().detail == "nested too deep");
    CHECK(couch::serverError(deep).size() == 200);
}

TEST_CASE("checkpoints are written with their revision and read back") {
    const json doc = json::parse(couch::checkpointDocument({42, "7-abc", "0-3"}));
    CHECK(doc["pushed_seq"] == 42);
    CHECK(doc["pulled_since"] == "7-abc");
    CHECK(doc["_rev"] == "0-3");
    CHECK_FALSE(json::parse(couch::checkpointDocument({1, "0", ""})).contains("_rev"));
    auto back = couch::readCheckpoint(R"({"_id":"_local/x","_rev":"0-4","pushed_seq":42,"pulled_since":"7-abc"})");
    REQUIRE(back.ok());
    CHECK(back.value().pushedSeq == 42);
    CHECK(back.value().pulledSince == "7-abc");
    CHECK(back.value().rev == "0-4");
    CHECK_FALSE(couch::readCheckpoint(R"({"pushed_seq":-1,"pulled_since":"0"})").ok());
    CHECK(couch::revisionWritten(R"({"ok":true,"id":"_local/x","rev":"0-5"})").value() == "0-5");
}

TEST_CASE("server URLs: https anywhere, plain http only to this machine, never a password inside") {
    CHECK(couch::databaseUrl("https://couch.example.cn/tousu/").value() == "https://couch.example.cn/tousu");
    CHECK(couch::databaseUrl("http://127.0.0.1:5984/office").ok());
    CHECK(couch::databaseUrl("http://localhost:5984/office").ok());
    CHECK(couch::databaseUrl("http://[::1]:5984/office").ok());
    const auto why = [](const char* url) {
        const core::Error e = couch::databaseUrl(url).error();
        CHECK(e.messageKey == "error.couch_url"); // one message to the person, the detail for the log
        return e.detail;
    };
    CHECK(why("http://192.168.1.20:5984/office").find("https") != std::string::npos);
    CHECK(why("http://localhost.evil.example/office").find("https") != std::string::npos);
    CHECK(why("https://admin:secret@couch.example.cn/tousu").find("password") != std::string::npos);
    CHECK(why("https://couch.example.cn/").find("database") != std::string::npos);
    CHECK(why("ftp://couch.example.cn/tousu").find("https") != std::string::npos);
    CHECK(why("https://couch.example.cn/tousu?x=1").find("query") != std::string::npos);
}

TEST_CASE("the database's update_seq, CouchDB's opaque text or PouchDB's number, for a pull's progress") {
    CHECK(couch::updateSeqOf(R"({"db_name":"office","update_seq":"1234-g1AAAAFTeJzL","doc_count":9})") ==
          "1234-g1AAAAFTeJzL");
    CHECK(couch::updateSeqOf(R"({"db_name":"office","update_seq":1234})") == "1234");
    CHECK(couch::updateSeqOf(R"({"db_name":"office"})").empty());
    CHECK(couch::updateSeqOf("<html>Bad Gateway</html>").empty());
}

TEST_CASE("who a sign-in answer names, and the tousu role among their CouchDB roles") {
    auto posted = couch::sessionUser(R"({"ok":true,"name":"s01","roles":["office:BJ01","role:agent"]})");
    REQUIRE(posted.ok());
    CHECK(posted.value().name == "s01");
    CHECK(posted.value().role == "agent");
    auto read = couch::sessionUser(R"({"ok":true,"userCtx":{"name":"s09","roles":["role:supervisor","office:BJ01"]}})");
    REQUIRE(read.ok());
    CHECK(read.value().name == "s09");
    CHECK(read.value().role == "supervisor");
    CHECK(couch::sessionUser(R"({"ok":true,"name":"s02","roles":["office:BJ01"]})").value().role.empty());
    CHECK(couch::sessionUser(R"({"ok":true,"userCtx":{"name":null,"roles":[]}})").error().messageKey ==
          "error.couch_answer"); // nobody: the session ran out
    CHECK_FALSE(couch::sessionUser("<html>login</html>").ok());
}

TEST_CASE("server errors in words, and URL parts encoded") {
    CHECK(couch::serverError(R"({"error":"unauthorized","reason":"Name or password is incorrect."})") ==
          "unauthorized: Name or password is incorrect.");
    CHECK(couch::serverError("<html>502 Bad Gateway</html>") == "<html>502 Bad Gateway</html>");
    CHECK(couch::urlEncode("a b/c?d&e=中") == "a%20b%2Fc%3Fd%26e%3D%E4%B8%AD");
}

TEST_CASE("a file travels as its own document, named and revised by its hash, and damaged bytes are refused") {
    const sync::BundleAttachment file{core::sha256Hex("账单截图"), "账单截图"};
    const nlohmann::json doc = couch::fileDocument(file);
    CHECK(doc["_id"] == "file-" + file.sha256);
    CHECK(doc["_rev"] == "1-" + file.sha256.substr(0, 32));
    auto back = couch::fileFromDocument(doc);
    REQUIRE(back.ok());
    CHECK(back.value().bytes == "账单截图");

    nlohmann::json changed = doc;
    changed["_attachments"]["file"]["data"] = sync::base64Encode("帐单截图");
    CHECK(couch::fileFromDocument(changed).error().detail.find("do not match") != std::string::npos);
    nlohmann::json stub = doc; // fetched without attachments=true: CouchDB sends a stub
    stub["_attachments"]["file"] = {{"content_type", "application/octet-stream"}, {"stub", true}, {"length", 12}};
    CHECK(couch::fileFromDocument(stub).error().detail.find("no bytes") != std::string::npos);
    nlohmann::json renamed = doc;
    renamed["_id"] = "file-" + core::sha256Hex("another");
    CHECK(couch::fileFromDocument(renamed).error().messageKey == "error.couch_document");

    const nlohmann::json feed = {{"results", {{{"seq", 1}, {"id", doc["_id"]}, {"doc", doc}}}}, {"last_seq", 1}};
    auto changes = couch::readChanges(feed.dump());
    REQUIRE(changes.ok());
    REQUIRE(changes.value().files.size() == 1);
    CHECK(changes.value().events.empty());
    CHECK(nlohmann::json::parse(couch::revsDiffRequest({}, {file.sha256})).contains("file-" + file.sha256));
}
