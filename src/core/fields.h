// Event payloads: a flat map of string fields, encoded as a canonical JSON object (keys sorted,
// strings only, minimal escaping) so the same payload always has the same bytes — the event digest
// and sync dedupe rely on that. Pure and dependency-free; the sync layer uses a full JSON library.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "core/result.h"

namespace tousu::core {

using Fields = std::map<std::string, std::string>;

std::string encodeFields(const Fields& fields);
// Appends s as a JSON string literal (quotes, backslashes and control characters escaped).
void appendJsonString(std::string& out, const std::string& s);
Result<Fields> decodeFields(const std::string& json);

std::string getField(const Fields& f, const std::string& key, const std::string& fallback = {});
std::int64_t getInt(const Fields& f, const std::string& key, std::int64_t fallback = 0);

} // namespace tousu::core
