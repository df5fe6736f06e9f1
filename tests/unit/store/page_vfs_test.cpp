#include <doctest/doctest.h>

#include <map>
#include <sqlite3.h>

#include "store/database.h"
#include "store/page_vfs.h"

using namespace tousu;

namespace {

// What IndexedDB would hold: blocks by number and the file size, written one batch at a time.
struct FakePageStore {
    std::map<std::uint32_t, std::vector<unsigned char>> blocks;
    std::uint64_t size = 0;
    std::vector<std::size_t> batchSizes;

    void apply(const store::PageBatch& b) {
        for (std::size_t i = 0; i < b.blocks.size(); ++i)
            blocks[b.blocks[i]].assign(b.data[i], b.data[i] + b.blockLength(i));
        size = b.fileSize;
        blocks.erase(
            blocks.lower_bound(static_cast<std::uint32_t>((size + store::kBlockBytes - 1) / store::kBlockBytes)),
            blocks.end());
        batchSizes.push_back(b.blocks.size());
    }
    std::vector<unsigned char> image() const {
        std::vector<unsigned char> out(size);
        for (const auto& [n, bytes] : blocks) {
            const std::size_t at = std::size_t{n} * store::kBlockBytes;
            std::copy(bytes.begin(), bytes.begin() + std::min<std::size_t>(bytes.size(), size - at), out.begin() + at);
        }
        return out;
    }
};

struct Opened {
    FakePageStore& persisted;
    std::unique_ptr<store::Database> db;
    Opened(FakePageStore& p, const char* name, bool preload, bool rewriteAll = false) : persisted(p) {
        store::registerPageVfs("tousu-pages-test");
        store::forgetPageFile(name);
        if (preload) store::preloadPages(name, p.image(), rewriteAll);
        store::setPageSink(name, [this](const store::PageBatch& b) { persisted.apply(b); });
        db = std::move(store::Database::open(name, "tousu-pages-test").value());
    }
};

// A table `t` of `rows` rows of 1,000 characters, in one statement.
bool fillTable(store::Database& db, int rows) {
    return db.exec("CREATE TABLE t (v TEXT)").ok() &&
           db.exec("INSERT INTO t SELECT hex(randomblob(500)) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                   "SELECT x+1 FROM c WHERE x < " +
                   std::to_string(rows) + ") SELECT x FROM c)")
               .ok();
}

std::string scalar(store::Database& db, const char* sql) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db.handle(), sql, -1, &s, nullptr);
    std::string out = sqlite3_step(s) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(s, 0)) : "";
    sqlite3_finalize(s);
    return out;
}

} // namespace

TEST_CASE("committed blocks reach the sink and a database reopened from them has every commit") {
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

TEST_CASE("a one-row commit hands over a block or two, however large the database is") {
    FakePageStore persisted;
    Opened o(persisted, "big.db", false);
    REQUIRE(o.db->exec("CREATE TABLE t (v TEXT)").ok());
    REQUIRE(o.db->exec("BEGIN").ok());
    for (int i = 0; i < 40000; ++i) REQUIRE(o.db->exec("INSERT INTO t VALUES (hex(randomblob(100)))").ok());
    REQUIRE(o.db->exec("COMMIT").ok());
    REQUIRE(persisted.blocks.size() > 10);
    REQUIRE(o.db->exec("INSERT INTO t VALUES ('one more')").ok());
    CHECK(persisted.batchSizes.back() <= 3); // the header page's block, the last leaf's, maybe a parent's
}

TEST_CASE("a store kept in another layout is handed over whole with the next commit") {
    constexpr int kRows = 6000; // 6 MB: a dozen blocks
    FakePageStore persisted;
    {
        Opened o(persisted, "layout.db", false);
        REQUIRE(fillTable(*o.db, kRows));
    }
    const std::size_t all = persisted.blocks.size();
    REQUIRE(all > 10);
    FakePageStore rewritten;
    rewritten.size = persisted.size;
    rewritten.blocks = persisted.blocks;
    Opened again(rewritten, "layout.db", true, true);
    rewritten.blocks.clear(); // what a rewrite starts from: an empty store
    REQUIRE(again.db->exec("INSERT INTO t VALUES ('after')").ok());
    CHECK(rewritten.batchSizes.back() >= all);
    Opened third(rewritten, "layout.db", true);
    CHECK(scalar(*third.db, "PRAGMA integrity_check") == "ok");
    CHECK(scalar(*third.db, "SELECT count(*) FROM t") == std::to_string(kRows + 1));
}

TEST_CASE("a rolled-back transaction hands over nothing") {
    FakePageStore persisted;
    Opened o(persisted, "rb.db", false);
    REQUIRE(o.db->exec("CREATE TABLE t (v TEXT)").ok());
    const std::size_t batches = persisted.batchSizes.size();
    REQUIRE(o.db->exec("BEGIN; INSERT INTO t VALUES ('x'); ROLLBACK;").ok());
    CHECK(persisted.batchSizes.size() == batches);
}

TEST_CASE("a database that shrinks drops its tail blocks from the store") {
    FakePageStore persisted;
    {
        Opened o(persisted, "shrink.db", false);
        REQUIRE(fillTable(*o.db, 20000));
        const std::size_t before = persisted.blocks.size();
        REQUIRE(o.db->exec("DELETE FROM t").ok());
        REQUIRE(o.db->exec("VACUUM").ok());
        CHECK(persisted.blocks.size() < before / 10);
    }
    Opened again(persisted, "shrink.db", true);
    CHECK(scalar(*again.db, "PRAGMA integrity_check") == "ok");
    CHECK(scalar(*again.db, "SELECT count(*) FROM t") == "0");
}

TEST_CASE("a backup read in pieces from the page store is the database, byte for byte, and never a piece over 128 KB") {
    FakePageStore persisted;
    Opened o(persisted, "pieces.sqlite", false);
    REQUIRE(fillTable(*o.db, 600)); // about 600 KB: several pieces
    std::string image;
    std::size_t pieces = 0, largest = 0;
    REQUIRE(o.db->readImage([&](std::string_view piece) {
                    image.append(piece);
                    ++pieces;
                    largest = std::max(largest, piece.size());
                })
                .ok());
    const std::vector<unsigned char> stored = persisted.image();
    CHECK(image == std::string(stored.begin(), stored.end()));
    CHECK(pieces > 2);
    CHECK(largest <= store::Database::kImagePieceBytes);
    sqlite3_int64 size = 0; // SQLite's own serialisation agrees
    unsigned char* own = sqlite3_serialize(o.db->handle(), "main", &size, 0);
    CHECK(image == std::string(reinterpret_cast<char*>(own), static_cast<std::size_t>(size)));
    sqlite3_free(own);
    // Inside a transaction the file is not one committed state: refused rather than read half-written.
    REQUIRE(o.db->exec("BEGIN").ok());
    CHECK_FALSE(o.db->readImage([](std::string_view) {}).ok());
    REQUIRE(o.db->exec("ROLLBACK").ok());
}
