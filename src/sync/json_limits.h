// Limits checked on JSON text before nlohmann builds a document from it: a hostile file nested
// 100,000 deep parses fine but crashes whatever walks the document recursively later (copy, dump).
// And small-integer reads that never wrap (4294967297 read as an int is 1).
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace tousu::sync {

// Deep enough for every file we read (a bundle's event payloads sit at depth 4).
constexpr int kMaxJsonDepth = 16;

// The deepest nesting of arrays and objects in `text` (strings skipped), read in one pass; stops
// counting past `limit`, so the answer is at most limit + 1.
int jsonDepth(std::string_view text, int limit);

// An integer in [min, max], or nullopt for anything else (another type, a fraction, out of range).
std::optional<std::int64_t> integerIn(const nlohmann::json& j, std::int64_t min, std::int64_t max);

// `key` of `j` when `j` is an object holding it as an object; an empty object otherwise.
const nlohmann::json& objectAt(const nlohmann::json& j, const char* key);
// `key` of `j` when it is a string; "" otherwise.
std::string textAt(const nlohmann::json& j, const char* key);

} // namespace tousu::sync
