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

// What one pass over JSON text tells before it is parsed (strings skipped): the deepest nesting of
// arrays and objects (counting stops past `limit`, so at most limit + 1), and whether the text ends
// inside a string or with brackets still open — a file cut off while downloading or copying.
struct JsonOutline {
    int deepest = 0;
    bool endsOpen = false;
};
JsonOutline outlineJson(std::string_view text, int limit);

// An integer in [min, max], or nullopt for anything else (another type, a fraction, out of range).
std::optional<std::int64_t> integerIn(const nlohmann::json& j, std::int64_t min, std::int64_t max);

// `key` of `j` when `j` is an object holding it as an object; an empty object otherwise.
const nlohmann::json& objectAt(const nlohmann::json& j, const char* key);
// `key` of `j` when it is a string; "" otherwise.
std::string textAt(const nlohmann::json& j, const char* key);

} // namespace tousu::sync
