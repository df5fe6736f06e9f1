#include "app/training.h"

#include <cstdlib>

#include "core/deadline.h"

namespace tousu::app {

namespace {

using Kind = sync::ScenarioStep::Kind;

std::string field(const core::Fields& f, const char* key, const char* fallback = "") {
    return core::getField(f, key, fallback);
}

// A whole number from the script (never throws: a malformed one reads as `fallback`).
long long number(const core::Fields& f, const char* key, long long fallback) {
    const std::string text = field(f, key);
    char* end = nullptr;
    const long long n = std::strtoll(text.c_str(), &end, 10);
    return text.empty() || *end ? fallback : n;
}

} // namespace

TrainingSession::TrainingSession(sync::Scenario scenario, bool traineeMode, core::TimeMs hostNow)
    : m_scenario(std::move(scenario)), m_traineeMode(traineeMode), m_clock(m_scenario.start) {
    m_clock.advanceHost(hostNow);
    m_clock.setRate(0);
}

core::Result<std::unique_ptr<TrainingSession>> TrainingSession::start(sync::Scenario scenario, bool traineeMode,
                                                                      core::TimeMs hostNow) {
    std::unique_ptr<TrainingSession> s(new TrainingSession(std::move(scenario), traineeMode, hostNow));
    // Ids unlike any earlier session's: a saved snapshot's events come back into a new session.
    static std::uint64_t sessions = 0;
    auto app =
        App::open(":memory:", s->m_clock, 0x7261696eULL ^ static_cast<std::uint64_t>(hostNow) ^ (++sessions << 40));
    if (!app) return app.error();
    s->m_app = std::move(app.value());
    s->m_app->setTrainingWorkspace();
    if (auto st = s->m_app->initialize(s->m_scenario.officeCode, s->m_scenario.officeName); !st) return st.error();
    if (!s->m_scenario.bundle.empty()) { // the starting data of a saved snapshot
        auto bundle = sync::readBundle(s->m_scenario.bundle);
        if (!bundle) return bundle.error();
        if (auto imported = s->m_app->exchange().importBundle(bundle.value(), true); !imported) return imported.error();
    }
    if (auto st = s->m_app->signIn("s10"); !st) return st.error(); // the trainer, as administrator
    s->advance(hostNow);                                           // steps at minute 0
    return s;
}

core::TimeMs TrainingSession::stepTime(int index) const {
    return m_scenario.start +
           static_cast<core::TimeMs>(m_scenario.steps[static_cast<std::size_t>(index)].atMinute) * 60000;
}

bool TrainingSession::advance(core::TimeMs hostNow) {
    m_clock.advanceHost(hostNow);
    const core::TimeMs target = m_clock.now();
    const double rate = m_clock.rate();
    bool changed = false;
    while (!finished() && stepTime(m_next) <= target) {
        const sync::ScenarioStep& step = m_scenario.steps[static_cast<std::size_t>(m_next)];
        m_clock.pauseAt(stepTime(m_next)); // each step happens at its own time, however far the clock jumped
        ++m_next;
        changed = true;
        run(step);
        if (step.kind != Kind::Action) {
            m_stop = m_next - 1; // stays paused here for the trainer
            return true;
        }
    }
    m_clock.pauseAt(target);
    m_clock.setRate(rate);
    return changed;
}

void TrainingSession::play(double rate) {
    if (rate > 0) m_stop = -1;
    m_clock.setRate(rate);
}

void TrainingSession::jumpToNextStop(core::TimeMs hostNow) {
    m_stop = -1;
    for (int i = m_next; i < static_cast<int>(m_scenario.steps.size()); ++i)
        if (m_scenario.steps[static_cast<std::size_t>(i)].kind != Kind::Action) {
            m_clock.jumpTo(stepTime(i));
            advance(hostNow);
            return;
        }
    if (!finished()) m_clock.jumpTo(stepTime(static_cast<int>(m_scenario.steps.size()) - 1));
    advance(hostNow);
}

void TrainingSession::jumpBy(core::TimeMs delta, core::TimeMs hostNow) {
    m_stop = -1;
    m_clock.jumpBy(delta);
    advance(hostNow);
}

std::string TrainingSession::caseNumber(const std::string& label) const {
    const auto it = m_caseIds.find(label);
    if (it == m_caseIds.end()) return {};
    auto c = m_app->cases().caseById(it->second);
    return c ? c.value().number : std::string();
}

core::Result<std::string> TrainingSession::snapshot() {
    auto bundle = m_app->exchange().exportBundle({});
    if (!bundle) return bundle.error();
    return sync::writeScenarioSnapshot(m_scenario, m_clock.now(), sync::writeBundle(bundle.value()));
}

std::vector<std::string> TrainingSession::caseLabels() const { return m_labels; }

const sync::ScenarioStep* TrainingSession::traineeTask() const {
    return m_traineeTask >= 0 ? &m_scenario.steps[static_cast<std::size_t>(m_traineeTask)] : nullptr;
}

void TrainingSession::run(const sync::ScenarioStep& step) {
    if (step.kind == Kind::Check) {
        m_checks.push_back(check(m_next - 1, step.expect));
        m_traineeTask = -1;
        return;
    }
    if (step.kind != Kind::Action) return;
    if (m_traineeMode && step.trainee) {
        m_traineeTask = m_next - 1;
        return;
    }
    // Scripted staff act under their own names; the person at the desk stays signed in.
    const Actor desk = m_app->actor();
    core::Status st = m_app->signIn(step.actor);
    if (st) st = perform(step);
    m_app->setActor(desk);
    if (!st)
        m_problems.push_back("step " + std::to_string(m_next) + " (" + step.action + " " + step.caseLabel +
                             "): " + st.error().messageKey + " " + st.error().detail);
}

core::Status TrainingSession::perform(const sync::ScenarioStep& step) {
    const core::Fields& f = step.fields;
    Cases& cases = m_app->cases();
    const core::TimeMs now = m_clock.now();
    if (step.action == "register") {
        const core::Registration r{field(f, "channel", "phone"),
                                   field(f, "customer_name"),
                                   field(f, "phone"),
                                   field(f, "account"),
                                   field(f, "contact_method", "phone"),
                                   field(f, "content"),
                                   field(f, "category"),
                                   field(f, "sub_type"),
                                   field(f, "importance", "normal"),
                                   now,
                                   0};
        auto ref = cases.registerCase(r);
        if (!ref) return ref.error();
        m_caseIds[step.caseLabel] = ref.value().id;
        m_labels.push_back(step.caseLabel);
        return core::Ok{};
    }
    const auto id = m_caseIds.find(step.caseLabel);
    if (id == m_caseIds.end())
        return core::makeError(core::ErrorCode::NotFound, "error.case_not_found", step.caseLabel);
    const std::string& c = id->second;
    const std::string note = field(f, "note");
    const std::string& act = step.action;
    if (act == "confirm") return cases.confirm(c, field(f, "method", "sms"), note);
    if (act == "classify") return cases.classify(c, field(f, "category"), field(f, "sub_type"), field(f, "importance"));
    if (act == "dispatch")
        return cases.dispatch(c, field(f, "department"), field(f, "person"),
                              now + number(f, "hours", 24) * core::kHourMs);
    if (act == "investigate") return cases.investigate(c, note);
    if (act == "contact") return cases.recordContact(c, field(f, "method", "phone"), note);
    if (act == "wait_customer") return cases.waitForCustomer(c, note);
    if (act == "customer_responded") return cases.customerResponded(c, note);
    if (act == "propose_solution") return cases.proposeSolution(c, note);
    if (act == "reject_solution") return cases.rejectSolution(c, note);
    if (act == "implement") return cases.implement(c, note);
    if (act == "feedback") return cases.feedback(c, note, field(f, "method", "phone"));
    if (act == "survey")
        return cases.survey(c, static_cast<int>(number(f, "rating", 0)), note, field(f, "declined") == "true");
    if (act == "archive") return cases.archive(c);
    if (act == "follow_up") return cases.followUp(c, field(f, "resolved", "true") == "true", note);
    if (act == "reopen") return cases.reopen(c, note);
    if (act == "reassign") return cases.reassign(c, field(f, "department"), field(f, "person"), note);
    if (act == "set_deadline")
        return cases.setDeadline(c, field(f, "milestone", "handled"), static_cast<int>(number(f, "hours", 24)), note);
    return core::makeError(core::ErrorCode::InvalidInput, "error.scenario_invalid", act);
}

CheckResult TrainingSession::check(int index, const sync::Expectation& e) {
    CheckResult r{index, true, {}};
    const auto id = m_caseIds.find(e.caseLabel);
    auto c = id == m_caseIds.end()
                 ? core::Result<core::Case>(core::makeError(core::ErrorCode::NotFound, "error.case_not_found"))
                 : m_app->cases().caseById(id->second);
    if (!c) {
        r.passed = false;
        r.mismatches.push_back({"case", e.caseLabel, ""});
        return r;
    }
    const core::Case& k = c.value();
    const auto expect = [&](const char* what, const std::string& want, const std::string& is) {
        if (want != is) r.passed = false, r.mismatches.push_back({what, want, is});
    };
    if (e.state) expect("state", *e.state, core::code(k.state));
    if (e.overdue) {
        const core::TimeMs due = core::nextDue(k, m_clock.now(), m_app->calendar());
        const bool overdue = due > 0 && due < m_clock.now();
        expect("overdue", *e.overdue ? "true" : "false", overdue ? "true" : "false");
    }
    if (e.repeat) expect("repeat", *e.repeat ? "true" : "false", k.repeatOf.empty() ? "false" : "true");
    return r;
}

} // namespace tousu::app
