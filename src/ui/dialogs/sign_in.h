// Signing in as a profile that has a PIN: a small dialog asks for it when someone is chosen in the
// user menu; at start-up, when the person who worked last has a PIN, the desk stays locked (nothing
// but this prompt) until a PIN is right or a profile without one is chosen.
#pragma once
#include <optional>
#include <string>

#include "core/result.h"
#include "present/reference_names.h"
#include "ui/present.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class SignIn {
  public:
    // Signs in at once when the profile has no PIN; otherwise opens the PIN dialog.
    void choose(app::App& app, const std::string& staffId);
    void lock(const std::string& staffId) { m_staffId = staffId, m_locked = true, m_open = true; }
    bool locked() const { return m_locked; }
    // The dialog (a modal over the desk) or, while locked, the whole window's content.
    void draw(app::App& app);

  private:
    void drawForm(app::App& app);

    ReferenceNames m_names;
    std::string m_staffId, m_pin;
    bool m_open = false, m_locked = false, m_openPopup = false, m_refocus = false;
    std::optional<core::Error> m_error;
};

} // namespace tousu::ui
