// The contract every screen keeps (one per destination of the desk, View in navigation.h): drawn
// each frame into the main area with what it may use, it returns where to go next, if anywhere,
// and says when it is working over several frames. Screens hold UI-transient state only; data comes
// from the app and changes through it. The main window keeps them in one table by View.
#pragma once
#include <optional>
#include <string>

#include "ui/host.h"
#include "ui/screens/navigation.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

struct ScreenContext {
    app::App& app;             // the office's data, or a training session's
    const Host& host;          // the browser's services (files, local store, crypto)
    const Navigation& nav;     // how this screen was reached (a case id, a list filter)
    const std::string& search; // the global search box
};

class Screen {
  public:
    virtual ~Screen() = default;
    virtual std::optional<Navigation> draw(const ScreenContext& ctx) = 0;
    // Called before the first draw each time the desk switches to this screen (where the keyboard
    // focus should land, say).
    virtual void entered() {}
    // Still working (a computation spread over frames): the desk keeps frames coming.
    virtual bool busy() const { return false; }
};

} // namespace tousu::ui
