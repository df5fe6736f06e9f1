// The schema history: migration N takes a database from version N-1 to N. Append only — a shipped
// migration is never edited, because databases in the field have already run it.
#pragma once
#include <span>

namespace tousu::store {

struct Migration {
    int version;
    const char* sql;
};

std::span<const Migration> migrations();

} // namespace tousu::store
