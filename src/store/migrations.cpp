#include "store/migrations.h"

namespace tousu::store {

namespace {

constexpr Migration kMigrations[] = {
    {1, R"sql(
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        INSERT INTO meta(key, value) VALUES ('created_by', 'tousu');
    )sql"},
};

} // namespace

std::span<const Migration> migrations() { return kMigrations; }

} // namespace tousu::store
