// tousu-cli couchdb-setup: prepares a CouchDB database for an office (README, "Setting up the sync
// server"): the database, the design document that refuses what a desk would never write, the
// office's role in the database's members, and one CouchDB user per staff member with their office
// and role. Run again after staff changes: roles follow, passwords change only where given.
#include <fstream>
#include <map>

#include "cli/common.h"
#include "cli/http_client.h"
#include "cli/sync_commands.h"
#include "sync/couch.h"

namespace tousu::cli {

namespace {

using nlohmann::json;
constexpr long kTimeoutMs = 60'000;
// assets/couchdb/validate_doc_update.js, installed as _design/tousu's validate_doc_update.
constexpr const char* kValidateDocUpdate =
#include "validate_doc_update.inc"
    ;

// "staff_id password" a line (the password is the rest of the line); blank lines and # comments skipped.
core::Result<std::map<std::string, std::string>> readPasswords(const std::string& path) {
    std::map<std::string, std::string> out;
    if (path.empty()) return out;
    std::ifstream in(path);
    if (!in) return core::makeError(core::ErrorCode::NotFound, "cannot read", path);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::size_t gap = line.find_first_of(" \t");
        const std::size_t start = gap == std::string::npos ? gap : line.find_first_not_of(" \t", gap);
        if (start == std::string::npos)
            return core::makeError(core::ErrorCode::InvalidInput, "a line without a password", line.substr(0, gap));
        out[line.substr(0, gap)] = line.substr(start);
    }
    return out;
}

// A JSON answer, or an empty object when the answer is not one (the status says what happened).
json bodyOf(const app::HttpAnswer& a) {
    auto j = json::parse(a.body, nullptr, false);
    return j.is_object() ? j : json::object();
}

// Roles of a user after this run: their other roles kept, the office added, the tousu role replaced.
json rolesFor(const json& existing, const std::string& officeRole, const std::string& role) {
    json roles = json::array({officeRole, "role:" + role});
    for (const auto& r : existing)
        if (r.is_string() && r != officeRole && r.get<std::string>().rfind("role:", 0) != 0) roles.push_back(r);
    return roles;
}

} // namespace

int cmdCouchdbSetup(const Args& a) {
    if (a.positional.size() != 2 || a.get("--admin-user").empty())
        return fail("usage: tousu-cli couchdb-setup DB URL --admin-user U [--password-file F] [--passwords FILE]", 2);
    auto url = sync::couch::databaseUrl(a.positional[1]);
    if (!url) return failWith(url.error());
    auto adminPassword = couchPassword(a);
    if (!adminPassword) return failWith(adminPassword.error());
    auto passwords = readPasswords(a.get("--passwords"));
    if (!passwords) return failWith(passwords.error());
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());

    const std::string& database = url.value();
    const std::size_t slash = database.rfind('/');
    const std::string name = database.substr(slash + 1);
    HttpClient http(database.substr(0, slash), a.get("--admin-user"), adminPassword.value());
    const auto call = [&](const char* method, const std::string& path, const json& body = nullptr) {
        return http.send({method, path, body.is_null() ? "" : body.dump()}, kTimeoutMs);
    };
    const auto refused = [](const app::HttpAnswer& answer, const std::string& step) {
        return failWith(app::refusalOf(answer, step));
    };

    const app::HttpAnswer created = call("PUT", name);
    if (created.status != 201 && created.status != 202 && created.status != 412)
        return refused(created, "create database");

    const std::string designPath = name + "/_design/tousu";
    json design = bodyOf(call("GET", designPath));
    const char* designState = !design.contains("_rev")                                        ? "installed"
                              : design.value("validate_doc_update", "") == kValidateDocUpdate ? "unchanged"
                                                                                              : "updated";
    if (std::string(designState) != "unchanged") {
        design["validate_doc_update"] = kValidateDocUpdate;
        design["language"] = "javascript";
        design.erase("_id");
        if (const app::HttpAnswer put = call("PUT", designPath, design); put.status != 201 && put.status != 202)
            return refused(put, "design document");
    }

    const std::string officeRole = "office:" + app.value()->info().officeCode;
    json security = bodyOf(call("GET", name + "/_security"));
    json& members = security["members"]["roles"];
    if (!members.is_array()) members = json::array();
    if (std::find(members.begin(), members.end(), officeRole) == members.end()) members.push_back(officeRole);
    if (!security["members"].contains("names")) security["members"]["names"] = json::array();
    if (!security.contains("admins")) security["admins"] = {{"names", json::array()}, {"roles", json::array()}};
    if (const app::HttpAnswer put = call("PUT", name + "/_security", security); put.status != 200)
        return refused(put, "_security");

    int usersCreated = 0, usersUpdated = 0;
    json withoutPassword = json::array();
    for (const core::StaffMember& s : app.value()->staff()) {
        const std::string path = "_users/" + sync::couch::urlEncode("org.couchdb.user:" + s.id);
        const app::HttpAnswer got = call("GET", path);
        if (got.status != 200 && got.status != 404) return refused(got, "_users " + s.id);
        json user = got.status == 200 ? bodyOf(got) : json{{"_id", "org.couchdb.user:" + s.id}, {"type", "user"}};
        const auto password = passwords.value().find(s.id);
        if (got.status == 404 && password == passwords.value().end()) {
            withoutPassword.push_back(s.id);
            continue;
        }
        user["name"] = s.id;
        user["roles"] = rolesFor(user.value("roles", json::array()), officeRole, s.role);
        if (password != passwords.value().end()) user["password"] = password->second;
        if (const app::HttpAnswer put = call("PUT", path, user); put.status != 201 && put.status != 202)
            return refused(put, "_users " + s.id);
        ++(got.status == 200 ? usersUpdated : usersCreated);
    }
    print({{"database", database},
           {"design_document", designState},
           {"member_role", officeRole},
           {"users_created", usersCreated},
           {"users_updated", usersUpdated},
           {"without_password", withoutPassword}});
    return 0;
}

} // namespace tousu::cli
