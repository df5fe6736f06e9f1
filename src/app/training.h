// A training session (培训): a scenario played in its own in-memory database — never the office's —
// on a simulated clock the trainer controls (pause, 1×, 60×, 3600×, next stop, jump by hours). Steps
// run when the clock reaches them; the clock stops at each pause (the trainer's note) and each
// checkpoint (what the trainee should see, checked against the data). In trainee mode the steps
// marked for the trainee are left to them, and the checkpoints then check their work.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/clock.h"
#include "sync/scenario.h"

namespace tousu::app {

// One checkpoint's outcome: each expectation that failed, as codes for the desk to word.
struct Mismatch {
    std::string what;             // "state", "overdue", "repeat", "case"
    std::string expected, actual; // state codes, or "true" / "false"
};
struct CheckResult {
    int step = 0;
    bool passed = true;
    std::vector<Mismatch> mismatches;
};

class TrainingSession {
  public:
    static core::Result<std::unique_ptr<TrainingSession>> start(sync::Scenario scenario, bool traineeMode,
                                                                core::TimeMs hostNow);

    App& app() { return *m_app; }
    const sync::Scenario& scenario() const { return m_scenario; }
    bool traineeMode() const { return m_traineeMode; }
    core::SimulatedClock& clock() { return m_clock; }

    // Feeds the host clock and runs every step now due; returns true when something ran or stopped.
    bool advance(core::TimeMs hostNow);
    void play(double rate); // 0 pauses
    double rate() const { return m_clock.rate(); }
    void jumpToNextStop(core::TimeMs hostNow);
    void jumpBy(core::TimeMs delta, core::TimeMs hostNow);

    int nextStep() const { return m_next; } // index of the first step not yet run
    bool finished() const { return m_next >= static_cast<int>(m_scenario.steps.size()); }
    // The pause or checkpoint the clock stopped at, if it is stopped at one.
    const sync::ScenarioStep* stop() const {
        return m_stop >= 0 ? &m_scenario.steps[static_cast<std::size_t>(m_stop)] : nullptr;
    }
    const std::vector<CheckResult>& checks() const { return m_checks; }
    // An action step that failed (a script error, or the trainee did it differently first).
    const std::vector<std::string>& problems() const { return m_problems; }
    // The case number a label of the script stands for ("" before it is registered).
    std::string caseNumber(const std::string& label) const;
    // This session's data and clock as a new scenario file (sync::writeScenarioSnapshot).
    core::Result<std::string> snapshot();
    // Labels of the cases registered so far, in order ("A", "B", …).
    std::vector<std::string> caseLabels() const;
    // In trainee mode: the last step the clock reached that was left to the trainee, until the
    // next checkpoint has looked at it.
    const sync::ScenarioStep* traineeTask() const;

  private:
    TrainingSession(sync::Scenario scenario, bool traineeMode, core::TimeMs hostNow);
    core::TimeMs stepTime(int index) const;
    void run(const sync::ScenarioStep& step);
    core::Status perform(const sync::ScenarioStep& step);
    CheckResult check(int index, const sync::Expectation& e);

    sync::Scenario m_scenario;
    bool m_traineeMode;
    core::SimulatedClock m_clock; // before m_app: the app keeps a reference to it
    std::unique_ptr<App> m_app;
    std::map<std::string, std::string> m_caseIds; // label → case id
    int m_next = 0, m_stop = -1, m_traineeTask = -1;
    std::vector<std::string> m_labels;
    std::vector<CheckResult> m_checks;
    std::vector<std::string> m_problems;
};

} // namespace tousu::app
