// Settings → 个人信息 (administrators): which roles see customers' phones and accounts whole; how many
// years a closed case keeps its customer's personal data, how many cases are past that, and the run
// that erases them (app/personal_data.h) a batch per frame, with its progress; an interrupted run goes
// on where it stopped.
#pragma once
#include <cstdint>
#include <optional>

#include "core/result.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class PersonalDataPanel {
  public:
    void draw(app::App& app);
    bool busy() const { return m_running; }

  private:
    void drawWholeContacts(app::App& app);

    static constexpr int kBatch = 50; // cases per frame and per transaction

    std::uint64_t m_revision = UINT64_MAX;
    int m_due = 0, m_total = 0, m_done = 0;
    bool m_running = false;
    std::optional<core::Error> m_error;
};

} // namespace tousu::ui
