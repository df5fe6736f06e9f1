// Errors as values at layer boundaries (core/store/sync never throw).
// An Error names what went wrong (code), where (field, for form input), a message key for the
// string tables, and a detail for logs. Depends on nothing but the standard library.
#pragma once
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tousu::core {

enum class ErrorCode {
    InvalidInput, // a value from a user, a file or the network failed validation
    NotFound,
    NotAllowed, // the workflow or a role forbids the action
    Conflict,
    Storage,     // SQLite or the page store failed
    Unsupported, // e.g. a database from a newer schema
};

struct Error {
    ErrorCode code = ErrorCode::InvalidInput;
    std::string field;              // form field the error concerns, empty if none
    std::string messageKey;         // i18n key, e.g. "error.phone_format"
    std::string detail;             // for logs and developers; never shown raw to users
    std::vector<Error> fieldErrors; // form validation: one entry per field at fault
};

template <class T> class Result {
  public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_value(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(m_value); }
    const T& value() const { return std::get<T>(m_value); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(m_value); }

  private:
    std::variant<T, Error> m_value;
};

struct Ok {};
using Status = Result<Ok>;

inline Error makeError(ErrorCode code, std::string messageKey, std::string detail = {}, std::string field = {}) {
    return Error{code, std::move(field), std::move(messageKey), std::move(detail)};
}

} // namespace tousu::core
