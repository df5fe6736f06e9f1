#include "sync/json_limits.h"

#include <algorithm>

namespace tousu::sync {

JsonOutline outlineJson(std::string_view text, int limit) {
    int depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit) return {deepest, true};
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return {deepest, inString || depth > 0};
}

std::optional<std::int64_t> integerIn(const nlohmann::json& j, std::int64_t min, std::int64_t max) {
    if (j.is_number_unsigned()) {
        const auto v = j.get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(max) || static_cast<std::int64_t>(v) < min) return std::nullopt;
        return static_cast<std::int64_t>(v);
    }
    if (!j.is_number_integer()) return std::nullopt;
    const auto v = j.get<std::int64_t>();
    if (v < min || v > max) return std::nullopt;
    return v;
}

const nlohmann::json& objectAt(const nlohmann::json& j, const char* key) {
    static const nlohmann::json empty = nlohmann::json::object();
    if (!j.is_object()) return empty;
    const auto it = j.find(key);
    return it != j.end() && it->is_object() ? *it : empty;
}

std::string textAt(const nlohmann::json& j, const char* key) {
    if (!j.is_object()) return {};
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace tousu::sync
