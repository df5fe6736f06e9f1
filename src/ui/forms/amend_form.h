// Correcting a case's registration (app::Cases::amend) from the case detail: the registration's
// fields as they stand, editable, and a required reason; only what was changed is sent, and errors
// come back next to their fields with the intake's messages. Offered to whoever may correct this case.
#pragma once
#include <optional>
#include <string>

#include "core/fields.h"
#include "core/model.h"
#include "core/result.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class AmendForm {
  public:
    // Whether the person at the desk may correct this case now (the button is shown).
    static bool offered(const app::App& app, const core::Case& c);
    void open(const core::Case& c);
    void close() { m_open = false; }
    bool isOpen() const { return m_open; }
    // Draws the open form; true once the correction was recorded.
    bool draw(app::App& app, const core::Case& c);

  private:
    core::Status submit(app::App& app, const core::Case& c);

    bool m_open = false;
    bool m_focusFirst = false;
    core::Fields m_values;   // field → value as shown (received_at as typed, "2026-12-01 09:00")
    core::Fields m_original; // the same, as the form opened
    std::string m_reason;
    std::optional<core::Error> m_error;
};

} // namespace tousu::ui
