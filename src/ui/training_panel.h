// Training on the desk (培训): the menu that starts a shipped scenario or one loaded from a file,
// and, while a session runs, a banner on every screen saying this is training, with the simulated
// clock, the trainer's controls (pause, 1×, 60×, 3600×, next stop, jump by hours, reset, trainee
// mode, leave), the trainer's note or the checkpoint's result, and which number each case of the
// script got. The session's database is its own: the office's data is never touched.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/training.h"
#include "ui/host.h"

namespace tousu::ui {

class TrainingPanel {
  public:
    bool active() const { return m_session != nullptr; }
    app::App& app() { return m_session->app(); }
    // The 培训 menu in the menu bar.
    void drawMenu(const Host& host, core::TimeMs hostNow);
    // A scenario file the user picked; false if the bytes are not one (then it is a bundle).
    bool fileReceived(const std::string& bytes, core::TimeMs hostNow);
    // Runs the script up to now and draws the banner; asks for frames while the clock runs.
    void draw(const Host& host, core::TimeMs hostNow);

  private:
    void start(sync::Scenario scenario, bool traineeMode, core::TimeMs hostNow);
    void drawResult();

    std::unique_ptr<app::TrainingSession> m_session;
    int m_jumpHours = 1;
    std::optional<bool> m_restart; // restart in trainee mode (true) or not, before the next frame's banner
    std::string m_error;           // a scenario file that could not be read
};

} // namespace tousu::ui
