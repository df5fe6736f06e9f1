// The CouchDB endpoints live sync uses, in memory, so thousands of trials can run through "a server"
// in seconds: documents by id with their revision, a changes feed whose seq is a position in it
// ("12-…", opaque after the number as in CouchDB 3), _revs_diff, _bulk_docs with new_edits false,
// and _local documents with revision checks. Like a cluster, it adds the new documents of one
// _bulk_docs to its feed in a shuffled order. tests/e2e/couchdb.test.js runs the same protocol
// against a real server (pouchdb-server).
#pragma once
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "app/replication.h"

namespace tousu::test {

class CouchModel {
  public:
    explicit CouchModel(std::uint64_t seed) : m_rng(seed) {}

    app::HttpAnswer answer(const app::HttpRequest& r) {
        using nlohmann::json;
        if (r.path.rfind("_local/", 0) == 0) return local(r);
        if (r.path.empty())
            return {200, json{{"update_seq", seqText(m_feed.size())}, {"doc_count", m_docs.size()}}.dump(), ""};
        if (r.path == "_revs_diff") {
            const json asked = json::parse(r.body);
            json missing = json::object();
            for (const auto& [id, revs] : asked.items()) {
                const auto it = m_docs.find(id);
                if (it == m_docs.end() || it->second["_rev"] != revs[0]) missing[id] = {{"missing", revs}};
            }
            return {200, missing.dump(), ""};
        }
        if (r.path == "_bulk_docs") {
            const json bulk = json::parse(r.body);
            std::vector<std::string> added;
            for (const json& doc : bulk["docs"]) {
                const std::string id = doc["_id"];
                if (m_docs.emplace(id, doc).second) added.push_back(id);
            }
            std::shuffle(added.begin(), added.end(), m_rng);
            m_feed.insert(m_feed.end(), added.begin(), added.end());
            return {201, "[]", ""};
        }
        if (r.path.rfind("_changes?", 0) == 0) {
            const std::size_t since = number(r.path, "since="), limit = number(r.path, "limit=");
            json rows = json::array();
            std::size_t seq = since;
            for (; seq < m_feed.size() && seq < since + limit; ++seq) {
                const json& doc = m_docs.at(m_feed[seq]);
                rows.push_back({{"seq", seqText(seq + 1)},
                                {"id", doc["_id"]},
                                {"changes", {{{"rev", doc["_rev"]}}}},
                                {"doc", doc}});
            }
            return {200, json{{"results", rows}, {"last_seq", seqText(seq)}}.dump(), ""};
        }
        return {400, R"({"error":"bad_request"})", ""};
    }

    std::size_t documents() const { return m_docs.size(); }

  private:
    app::HttpAnswer local(const app::HttpRequest& r) {
        const auto it = m_local.find(r.path);
        if (r.method == "GET") {
            if (it == m_local.end()) return {404, R"({"error":"not_found","reason":"missing"})", ""};
            return {200, it->second.dump(), ""};
        }
        nlohmann::json doc = nlohmann::json::parse(r.body);
        const std::string current = it == m_local.end() ? "" : it->second["_rev"].get<std::string>();
        if (doc.value("_rev", "") != current) return {409, R"({"error":"conflict"})", ""};
        const std::string rev = "0-" + std::to_string(++m_localWrites);
        doc["_id"] = r.path;
        doc["_rev"] = rev;
        m_local[r.path] = doc;
        return {201, nlohmann::json{{"ok", true}, {"id", r.path}, {"rev", rev}}.dump(), ""};
    }
    static std::size_t number(const std::string& path, const std::string& key) {
        const auto at = path.find(key);
        return at == std::string::npos ? 0 : std::strtoul(path.c_str() + at + key.size(), nullptr, 10);
    }
    static std::string seqText(std::size_t n) { return std::to_string(n) + "-g1AAAAB" + std::to_string(n * 7919); }

    std::map<std::string, nlohmann::json> m_docs; // by id, as stored
    std::vector<std::string> m_feed;              // ids in feed order: seq n is m_feed[n - 1]
    std::map<std::string, nlohmann::json> m_local;
    int m_localWrites = 0;
    std::mt19937_64 m_rng;
};

} // namespace tousu::test
