// How the app layer words a refusal: field errors under one "invalid input" error, so the desk can
// show each next to its field. Internal to src/app.
#pragma once
#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/validate.h"

namespace tousu::app {

constexpr std::size_t kMaxNoteLength = 4000;
constexpr std::size_t kMaxNameLength = 40; // office, department, staff and sub-type names
constexpr std::size_t kMaxSuggestionLength = 2000;

inline core::Error invalid(std::vector<core::Error> fieldErrors) {
    core::Error e = core::makeError(core::ErrorCode::InvalidInput, "error.invalid_input");
    e.fieldErrors = std::move(fieldErrors);
    return e;
}

inline core::Error fieldError(const char* key, const char* field, std::string detail = {}) {
    return invalid({core::makeError(core::ErrorCode::InvalidInput, key, std::move(detail), field)});
}

// Free text typed into a form: required unless said otherwise, at most `maxLength` characters.
inline std::optional<core::Error> textError(const char* field, const std::string& value, bool required = true,
                                            std::size_t maxLength = kMaxNoteLength) {
    if (required && value.find_first_not_of(" \t\r\n") == std::string::npos)
        return core::makeError(core::ErrorCode::InvalidInput, "error.required", {}, field);
    if (core::utf8Length(value) > maxLength)
        return core::makeError(core::ErrorCode::InvalidInput, "error.too_long", {}, field);
    return std::nullopt;
}

// Office codes go into case numbers (TS-<code>-…): 1–8 letters or digits.
inline std::optional<core::Error> officeCodeError(const std::string& code) {
    if (code.empty() || code.size() > 8 ||
        !std::all_of(code.begin(), code.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
        return core::makeError(core::ErrorCode::InvalidInput, "error.office_code", code, "office_code");
    return std::nullopt;
}

// Whether `value` is one of `codes` (an array of C strings).
inline bool oneOf(const std::string& value, const auto& codes) {
    return std::find(std::begin(codes), std::end(codes), value) != std::end(codes);
}

// The error of a failed result, or nullptr.
template <class T> const core::Error* errorOf(const core::Result<T>& r) { return r ? nullptr : &r.error(); }

// Whether a record with this id is among `records` (departments, staff, sub-types).
inline bool hasId(const auto& records, const std::string& id) {
    return std::any_of(std::begin(records), std::end(records), [&](const auto& r) { return r.id == id; });
}

inline core::Status validText(const char* field, const std::string& value, bool required = true) {
    if (auto e = textError(field, value, required)) return invalid({*e});
    return core::Ok{};
}

} // namespace tousu::app
