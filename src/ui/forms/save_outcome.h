// The result of the last save on a screen with several forms, kept with the form it came from so
// each shows its own: "saved" in green, or the refusal (under the fields it names, or as a line).
#pragma once
#include <optional>
#include <string>

#include "core/result.h"

namespace tousu::ui {

class SaveOutcome {
  public:
    template <class R> bool record(const std::string& form, const R& result) {
        m_form = form;
        m_error.reset();
        if (!result) m_error = result.error();
        return !m_error;
    }
    void clear() { m_form.clear(), m_error.reset(); }
    // The error to show next to the form's fields, or null.
    const core::Error* error(const std::string& form) const { return form == m_form && m_error ? &*m_error : nullptr; }
    // The error about `field` under the field just drawn (see widgets::fieldError); editing the field
    // clears it, and once every field is fixed the form says nothing (not "saved").
    void fieldError(const std::string& form, const char* field);
    void draw(const std::string& form) const;

  private:
    std::string m_form;
    std::optional<core::Error> m_error;
};

} // namespace tousu::ui
