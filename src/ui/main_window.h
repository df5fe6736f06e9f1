// The frame of the desk: the menu bar with the main destinations and the language switch, the
// global search box and the main area that screens fill. UI-transient state only.
#pragma once
#include <functional>
#include <string>

#include "ui/screens/case_detail_screen.h"
#include "ui/screens/case_list_screen.h"
#include "ui/screens/intake_screen.h"
#include "ui/screens/navigation.h"

namespace tousu::app { class App; }

namespace tousu::ui {

class MainWindow {
public:
    void draw(app::App& app);
    // What "take over" does in a read-only tab (the platform reloads this tab as the writer).
    void onTakeOver(std::function<void()> f) { m_takeOver = std::move(f); }
    View view() const { return m_nav.view; }

private:
    void drawMenuBar(const app::App& app);
    void drawSaveState(const app::App& app);
    void drawAbout(app::App& app);
    void handleShortcuts();

    void go(const std::optional<Navigation>& nav);

    Navigation m_nav;
    IntakeScreen m_intake;
    CaseListScreen m_list;
    CaseDetailScreen m_detail;
    std::string m_search;
    bool m_focusSearch = false;
    bool m_openAbout = false;
    std::function<void()> m_takeOver;
};

} // namespace tousu::ui
