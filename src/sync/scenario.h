// Trainers' demo scenarios (README "Training scenario"; assets/scenarios/*.json): a title and
// description in Chinese and English, a simulated start time, the training office, and a script of
// steps at minutes after the start — actions by named staff on cases the script names ("A", "B"),
// pauses with a note for the trainer, and checkpoints stating what the trainee should see.
// Pure parsing; running a scenario is app::TrainingSession.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/fields.h"
#include "core/result.h"
#include "core/time.h"

namespace tousu::sync {

struct LocalText {
    std::string zh, en;
};

// What a checkpoint expects of one case; unset parts are not checked.
struct Expectation {
    std::string caseLabel;
    std::optional<std::string> state; // a workflow state code
    std::optional<bool> overdue, repeat;
};

struct ScenarioStep {
    enum class Kind { Action, Pause, Check };
    Kind kind = Kind::Action;
    int atMinute = 0;      // after the scenario's start
    std::string action;    // Action: a workflow action code ("register", "dispatch", …)
    std::string actor;     // Action: the staff id who does it
    std::string caseLabel; // Action: the script's name for the case
    core::Fields fields;   // Action: its inputs (README lists them per action)
    bool trainee = false;  // Action: in trainee mode the trainee does it instead
    LocalText note;        // Pause: for the trainer; Check: what should be seen; Action: a hint
    Expectation expect;    // Check
};

struct Scenario {
    std::string id;
    LocalText title, description;
    core::TimeMs start = 0;
    std::string officeCode, officeName;
    std::string bundle;              // optional starting data: a tousu.bundle (JSON text), "" for none
    std::vector<ScenarioStep> steps; // in time order
};

// Refuses, naming the problem: not JSON, another format or a newer version, a step without a time
// or out of order, an unknown action or kind, a check without a case, an action on a case label
// that no earlier step registered.
core::Result<Scenario> readScenario(const std::string& json);
bool looksLikeScenario(const std::string& bytes);
// A scenario that starts where a training session is now: its data as `bundleJson` (a tousu.bundle),
// its clock at `start`, no steps yet (a trainer adds them by hand). Authoring by example.
std::string writeScenarioSnapshot(const Scenario& from, core::TimeMs start, const std::string& bundleJson);

} // namespace tousu::sync
