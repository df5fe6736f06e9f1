// Events as JSON objects, the unit of every sync bundle and export:
//   {"id", "case", "hlc", "origin", "actor", "type", "prev", "payload": {"key": "string", …}}
// Reading validates everything (it is input from another office, a file or a trainer): each problem
// is an error value naming the field, never an exception.
#pragma once
#include <nlohmann/json.hpp>

#include "core/event.h"
#include "core/result.h"

namespace tousu::sync {

constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxFieldBytes = 64 * 1024;
constexpr std::size_t kMaxPayloadFields = 64;

nlohmann::json eventToJson(const core::Event& e);
core::Result<core::Event> eventFromJson(const nlohmann::json& j);

} // namespace tousu::sync
