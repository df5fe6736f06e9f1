// The frame of the desk: the menu bar with the main destinations and the language switch, the
// global search box and the main area that screens fill. UI-transient state only.
#pragma once
#include <string>

namespace tousu::app { class App; }

namespace tousu::ui {

class MainWindow {
public:
    enum class View { WorkQueue, CaseList, NewCase };

    void draw(app::App& app);
    View view() const { return m_view; }

private:
    void drawMenuBar();
    void drawAbout(app::App& app);
    void handleShortcuts();

    View m_view = View::WorkQueue;
    std::string m_search;
    bool m_focusSearch = false;
    bool m_openAbout = false;
};

} // namespace tousu::ui
