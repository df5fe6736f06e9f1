// Deadline policies in settings: each category's limit per milestone and the most a supervisor may
// set per case (open cases keep the limits they were opened under), and whether limits count
// clock hours or the working hours of the built-in calendar (assets/calendar/cn-2026.tsv).
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "ui/forms/save_outcome.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class PolicyEditor {
  public:
    void draw(app::App& app);

  private:
    void load(const app::App& app);
    void drawCalendar(app::App& app);

    std::uint64_t m_revision = 0;
    std::map<std::string, int> m_hours; // "<category>_<milestone>" and "<category>_max"
    SaveOutcome m_outcome;
};

} // namespace tousu::ui
