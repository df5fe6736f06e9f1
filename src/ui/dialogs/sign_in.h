// Signing in on a secured desk (app/access.h): a dialog asks for the secret of the person chosen in
// the user menu; a locked desk (start-up, idle, 锁定) shows nothing but the sign-in form, for the
// person who worked last or anyone else. Wrong entries wait their time, counted down on screen.
#pragma once
#include <optional>
#include <string>

#include "core/result.h"
#include "core/time.h"
#include "present/reference_names.h"
#include "ui/host.h"
#include "ui/present.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class SignIn {
  public:
    // Asks for the secret on a secured desk; signs in at once on a desk that is not.
    void choose(app::App& app, const std::string& staffId);
    // The person a locked desk's form is for at first.
    void offer(const std::string& staffId);
    // The dialog, a modal over the desk.
    void draw(app::App& app, const Host& host);
    // While the desk is locked: the whole window's content.
    void drawLocked(app::App& app, const Host& host);

  private:
    void drawForm(app::App& app, const Host& host);

    ReferenceNames m_names;
    std::string m_staffId, m_secret;
    bool m_open = false, m_openPopup = false, m_refocus = false;
    std::optional<core::Error> m_error;
};

} // namespace tousu::ui
