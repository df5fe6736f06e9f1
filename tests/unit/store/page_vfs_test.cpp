#include <doctest/doctest.h>

#include <map>
#include <sqlite3.h>

#include "store/database.h"
#include "store/page_vfs.h"

using namespace tousu;

namespace {

// What IndexedDB would hold: pages by number and the file size, written one batch at a time.
struct FakePageStore {
    std::map<std::uint32_t, std::vector<unsigned char>> pages;
    std::uint64_t size = 0;
    std::vector<std::size_t> batchSizes;

    void apply(const store::PageBatch& b) {
        for (std::size_t i = 0; i < b.pages.size(); ++i) pages[b.pages[i]].assign(b.data[i], b.data[i] + b.pageSize);
        size = b.fileSize;
        if (b.pageSize) pages.erase(pages.lower_bound(static_cast<std::uint32_t>((size + b.pageSize - 1) / b.pageSize)), pages.end());
        batchSizes.push_back(b.pages.size());
    }
    std::vector<unsigned char> image() const {
        std::vector<unsigned char> out(size);
        for (const auto& [n, bytes] : pages)
            if ((n + 1) * bytes.size() <= size) std::copy(bytes.begin(), bytes.end(), out.begin() + n * bytes.size());
        return out;
    }
};

struct Opened {
    FakePageStore& persisted;
    std::unique_ptr<store::Database> db;
    Opened(FakePageStore& p, const char* name, bool preload) : persisted(p) {
        store::registerPageVfs("tousu-pages-test");
        store::forgetPageFile(name);
        if (preload) store::preloadPages(name, p.image());
        store::setPageSink(name, [this](const store::PageBatch& b) { persisted.apply(b); });
        db = std::move(store::Database::open(name, "tousu-pages-test").value());
    }
};

std::string scalar(store::Database& db, const char* sql) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db.handle(), sql, -1, &s, nullptr);
    std::string out = sqlite3_step(s) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(s, 0)) : "";
    sqlite3_finalize(s);
    return out;
}

} // namespace

TEST_CASE("committed pages reach the sink and a database reopened from them has every commit") {
    FakePageStore persisted;
    {
        Opened o(persisted, "a.db", false);
        REQUIRE(o.db->exec("CREATE TABLE t (v TEXT)").ok());
        for (int i = 0; i < 50; ++i) REQUIRE(o.db->exec("INSERT INTO t VALUES ('第" + std::to_string(i) + "条')").ok());
    }
    Opened again(persisted, "a.db", true);
    CHECK(scalar(*again.db, "SELECT count(*) FROM t") == "50");
    CHECK(scalar(*again.db, "PRAGMA integrity_check") == "ok");
    CHECK(again.db->schemaVersion() == store::Database::kSchemaVersion);
}

TEST_CASE("a one-row commit hands over a few pages, however large the database is") {
    FakePageStore persisted;
    Opened o(persisted, "big.db", false);
    REQUIRE(o.db->exec("CREATE TABLE t (v TEXT)").ok());
    REQUIRE(o.db->exec("BEGIN").ok());
    for (int i = 0; i < 20000; ++i) REQUIRE(o.db->exec("INSERT INTO t VALUES (hex(randomblob(100)))").ok());
    REQUIRE(o.db->exec("COMMIT").ok());
    REQUIRE(persisted.pages.size() > 1000);
    REQUIRE(o.db->exec("INSERT INTO t VALUES ('one more')").ok());
    CHECK(persisted.batchSizes.back() <= 4);
}

TEST_CASE("a rolled-back transaction hands over nothing") {
    FakePageStore persisted;
    Opened o(persisted, "rb.db", false);
    REQUIRE(o.db->exec("CREATE TABLE t (v TEXT)").ok());
    const std::size_t batches = persisted.batchSizes.size();
    REQUIRE(o.db->exec("BEGIN; INSERT INTO t VALUES ('x'); ROLLBACK;").ok());
    CHECK(persisted.batchSizes.size() == batches);
}

TEST_CASE("a database that shrinks drops its tail pages from the store") {
    FakePageStore persisted;
    {
        Opened o(persisted, "shrink.db", false);
        REQUIRE(o.db->exec("CREATE TABLE t (v TEXT)").ok());
        REQUIRE(o.db->exec("INSERT INTO t SELECT hex(randomblob(500)) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 2000) SELECT x FROM c)").ok());
        const std::size_t before = persisted.pages.size();
        REQUIRE(o.db->exec("DELETE FROM t").ok());
        REQUIRE(o.db->exec("VACUUM").ok());
        CHECK(persisted.pages.size() < before / 10);
    }
    Opened again(persisted, "shrink.db", true);
    CHECK(scalar(*again.db, "PRAGMA integrity_check") == "ok");
    CHECK(scalar(*again.db, "SELECT count(*) FROM t") == "0");
}
