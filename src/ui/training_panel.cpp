#include "ui/training_panel.h"

#include <imgui.h>

#include <algorithm>

#include "app/built_in.h"
#include "present/format.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

const std::string& local(const sync::LocalText& t) {
    return language() == Language::ZhCN || t.en.empty() ? t.zh : t.en;
}

std::string rateText(double rate) {
    if (rate == 0) return tr("training.paused");
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g×", rate);
    return buf;
}

// A mismatch in words: "状态：预期 已归档，实际 已分派".
std::string mismatchText(const app::Mismatch& m) {
    const auto value = [&](const std::string& v) -> std::string {
        if (m.what == "state") return trCode("state", v);
        if (m.what == "case") return v;
        return tr(v == "true" ? "training.yes" : "training.no");
    };
    char buf[256];
    std::snprintf(buf, sizeof buf, tr("training.mismatch"), tr("training.check." + m.what), value(m.expected).c_str(),
                  value(m.actual).c_str());
    return buf;
}

} // namespace

void TrainingPanel::start(sync::Scenario scenario, bool traineeMode, core::TimeMs hostNow) {
    auto session = app::TrainingSession::start(std::move(scenario), traineeMode, hostNow);
    if (session)
        m_session = std::move(session.value()), m_error.clear();
    else
        m_error = tr(session.error().messageKey);
}

void TrainingPanel::drawMenu(const Host& host, core::TimeMs hostNow) {
    if (!ImGui::BeginMenu(label("menu.training", "training").c_str())) return;
    for (const sync::Scenario& s : app::builtInScenarios()) {
        const std::string item = local(s.title) + "##scenario_" + s.id;
        if (ImGui::MenuItem(item.c_str())) start(s, false, hostNow);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", local(s.description).c_str());
    }
    ImGui::Separator();
    if (ImGui::MenuItem(label("training.load_file", "scenario_file").c_str()) && host.pickFile) host.pickFile(".json");
    ImGui::EndMenu();
}

bool TrainingPanel::fileReceived(const std::string& bytes, core::TimeMs hostNow) {
    if (!sync::looksLikeScenario(bytes)) return false;
    auto s = sync::readScenario(bytes);
    if (s)
        start(std::move(s.value()), false, hostNow);
    else
        m_error = std::string(tr("error.scenario_invalid")) + ": " + s.error().detail;
    return true;
}

void TrainingPanel::draw(const Host& host, core::TimeMs hostNow) {
    if (!m_error.empty()) {
        ImGui::TextColored(colour::kDanger, "%s", m_error.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(label("action.close", "training_error_close").c_str())) m_error.clear();
    }
    if (m_restart && m_session) start(m_session->scenario(), *m_restart, hostNow); // asked for last frame
    m_restart.reset();
    if (!m_session) return;
    app::TrainingSession& t = *m_session;
    t.advance(hostNow);
    if (t.rate() > 0 && host.requestRedraw) host.requestRedraw(); // the clock runs: keep drawing

    ImGui::PushStyleColor(ImGuiCol_ChildBg, colour::kTrainingBackground);
    ImGui::BeginChild("##training_banner", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
    char line[512];
    std::snprintf(line, sizeof line, tr("training.banner"), local(t.scenario().title).c_str(),
                  formatDateTime(t.clock().now()).c_str(), rateText(t.rate()).c_str());
    widgets::reportedText("training_banner", line);
    const auto button = [](const char* key, const char* id) {
        ImGui::SameLine();
        return ImGui::SmallButton(label(key, id).c_str());
    };
    ImGui::TextUnformatted(tr("training.clock"));
    if (button("training.pause", "training_pause")) t.play(0);
    for (int rate : {1, 60, 3600})
        if (button(("training.play_" + std::to_string(rate)).c_str(),
                   ("training_play_" + std::to_string(rate)).c_str()))
            t.play(rate);
    if (button("training.next", "training_next")) t.jumpToNextStop(hostNow);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputInt("##training_jump_hours", &m_jumpHours);
    m_jumpHours = std::clamp(m_jumpHours, 1, 24 * 30);
    if (button("training.jump", "training_jump")) t.jumpBy(m_jumpHours * core::kHourMs, hostNow);
    if (button("training.reset", "training_reset")) m_restart = t.traineeMode();
    bool trainee = t.traineeMode();
    ImGui::SameLine();
    if (ImGui::Checkbox(label("training.trainee_mode", "training_trainee").c_str(), &trainee))
        m_restart = trainee; // a new run in the other mode
    if (button("training.save", "training_save") && host.saveFile) {
        if (auto text = t.snapshot())
            host.saveFile("tousu-scenario-" + t.scenario().id + ".json", "application/json", text.value());
    }
    if (button("training.leave", "training_leave")) {
        m_session.reset();
        ImGui::EndChild();
        ImGui::PopStyleColor();
        return;
    }
    drawResult();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void TrainingPanel::drawResult() {
    const app::TrainingSession& t = *m_session;
    std::string cases;
    for (const std::string& l : t.caseLabels()) cases += (cases.empty() ? "" : "   ") + l + " = " + t.caseNumber(l);
    if (!cases.empty()) widgets::reportedText("training_cases", std::string(tr("training.cases")) + cases);
    if (const sync::ScenarioStep* task = t.traineeTask())
        widgets::reportedText("training_your_turn", std::string(tr("training.your_turn")) + local(task->note),
                              &colour::kInfo);
    const sync::ScenarioStep* stop = t.stop();
    if (stop && stop->kind == sync::ScenarioStep::Kind::Pause)
        widgets::reportedText("training_note", std::string(tr("training.note")) + local(stop->note));
    if (stop && stop->kind == sync::ScenarioStep::Kind::Check && !t.checks().empty()) {
        const app::CheckResult& r = t.checks().back();
        ImGui::TextWrapped("%s%s", tr("training.checkpoint"), local(stop->note).c_str());
        std::string result = tr(r.passed ? "training.check_passed" : "training.check_failed");
        for (const app::Mismatch& m : r.mismatches) result += "  " + mismatchText(m);
        const ImVec4 colour = r.passed ? colour::kSuccess : colour::kDanger;
        widgets::reportedText("training_check", result, &colour);
    }
    if (t.finished() && !stop) widgets::reportedText("training_done", tr("training.finished"));
    for (const std::string& p : t.problems()) ImGui::TextDisabled("%s", p.c_str());
}

} // namespace tousu::ui
