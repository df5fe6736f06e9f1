#include "ui/sync_dialog.h"

#include <imgui.h>

#include "ui/case_csv.h"
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

constexpr const char* kPopup = "###sync_dialog";   // the title before ### changes, the id does not
constexpr ImVec4 kAmber(0.75f, 0.45f, 0.0f, 1.0f);
constexpr ImVec4 kRed(0.78f, 0.12f, 0.12f, 1.0f);

// "tousu-HQ-20261129-1030.json": sorts by time in a downloads folder.
std::string exportFileName(const app::App& app, const std::string& kind, const char* extension) {
    std::string stamp = formatDateTime(app.clock().now());   // "2026-11-29 10:30"
    std::string digits;
    for (char c : stamp) if (c >= '0' && c <= '9') digits += c;
    return "tousu-" + app.info().officeCode + kind + "-" + digits.substr(0, 8) + "-" + digits.substr(8) + extension;
}

std::string format(const char* key, int n) {
    char buf[256];
    std::snprintf(buf, sizeof buf, tr(key), n);
    return buf;
}

bool closeButton(const char* key, const char* id) {
    return ImGui::Button(label(key, id).c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape);
}

} // namespace

void SyncDialog::exportScope(app::App& app, const Host& host, const app::ExportScope& scope) {
    auto bundle = app.exportBundle(scope);
    if (!bundle) return refuse(bundle.error());
    const std::string name = exportFileName(app, scope.peer.empty() ? "" : "-to-" + scope.peer, ".json");
    if (host.saveFile) host.saveFile(name, "application/json", sync::writeBundle(bundle.value()));
    exported(name, static_cast<int>(bundle.value().events.size()));
}

void SyncDialog::exported(const std::string& fileName, int count) {
    m_fileName = fileName;
    m_exported = count;
    m_stage = Stage::Exported;
    m_openPopup = true;
}

void SyncDialog::exportAll(app::App& app, const Host& host) { exportScope(app, host, {}); }

void SyncDialog::exportTmf(app::App& app, const Host& host) {
    std::string out;
    auto count = app.exportTmf(out);
    if (!count) return refuse(count.error());
    const std::string name = exportFileName(app, "-tmf621", ".json");
    if (host.saveFile) host.saveFile(name, "application/json", out);
    exported(name, count.value());
}

void SyncDialog::exportCsv(app::App& app, const Host& host, const store::ListFilter& filter) {
    auto csv = caseListCsv(app, filter, false);
    if (!csv) return refuse(csv.error());
    const std::string name = exportFileName(app, "-list", ".csv");
    if (host.saveFile) host.saveFile(name, "text/csv;charset=utf-8", csv.value());
    int rows = -1;
    for (char c : csv.value()) rows += c == '\n';
    exported(name, rows);
}

void SyncDialog::importFile(const Host& host) const {
    if (host.pickFile) host.pickFile(".json,.gz,application/json");
}

void SyncDialog::refuse(core::Error e) {
    m_error = std::move(e);
    m_bundle.reset();
    m_stage = Stage::Refused;
    m_openPopup = true;
}

void SyncDialog::received(app::App& app, const std::string& name, const std::string& bytes,
                          const std::string& errorKey) {
    m_fileName = name;
    if (!errorKey.empty()) return refuse(core::makeError(core::ErrorCode::InvalidInput, errorKey));
    auto bundle = sync::readBundle(bytes);
    if (!bundle) return refuse(bundle.error());
    auto preview = app.importBundle(bundle.value(), false);
    if (!preview) return refuse(preview.error());
    m_bundle = std::move(bundle.value());
    m_summary = preview.value();
    m_stage = Stage::Preview;
    m_openPopup = true;
}

void SyncDialog::drawPeerExport(app::App& app, const Host& host) {
    ImGui::TextUnformatted(tr("sync.peer_explain"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = widgets::textField(label("sync.peer", "form_peer"), m_peer, nullptr,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    for (const store::Peer& p : app.peers()) {
        const std::string item = p.name + "  (" + formatDateTime(p.updatedAt) + ")##peer_" + p.name;
        if (ImGui::Selectable(item.c_str(), m_peer == p.name)) m_peer = p.name;
    }
    const bool valid = !m_peer.empty() && m_peer.find_first_not_of(" ") != std::string::npos;
    ImGui::BeginDisabled(!valid);
    const bool go = ImGui::Button(label("sync.export_go", "export_go").c_str()) || (enter && valid);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (closeButton("dialog.cancel", "export_cancel")) {
        m_stage = Stage::Closed;
        ImGui::CloseCurrentPopup();
    }
    if (go) {
        ImGui::CloseCurrentPopup();
        exportScope(app, host, {m_peer, {}});
    }
}

void SyncDialog::drawPreview(app::App& app) {
    const sync::Bundle& b = *m_bundle;
    ImGui::Text("%s %s", tr("sync.file"), m_fileName.c_str());
    ImGui::Text("%s %s (%s) · %s", tr("sync.from"), b.officeName.c_str(), b.officeCode.c_str(),
                formatDateTime(b.created).c_str());
    ImGui::Separator();
    const app::ImportSummary& s = m_summary;
    widgets::reportedText("import_new_cases", format("sync.new_cases", s.newCases));
    widgets::reportedText("import_updated_cases", format("sync.updated_cases", s.updatedCases));
    widgets::reportedText("import_reference", format("sync.reference_changes", s.referenceChanges));
    ImGui::TextDisabled("%s", format("sync.records", s.events).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", format("sync.known_records", s.duplicates).c_str());
    if (!s.concurrentCases.empty()) {
        widgets::reportedText("import_concurrent", format("sync.concurrent", static_cast<int>(s.concurrentCases.size())), &kAmber);
        std::string numbers;
        for (const std::string& n : s.concurrentCases) numbers += (numbers.empty() ? "" : "、") + n;
        ImGui::TextWrapped("%s", numbers.c_str());
    }
    if (s.newEvents == 0) ImGui::TextDisabled("%s", tr("sync.nothing_new"));
    ImGui::Separator();
    if (ImGui::Button(label("sync.apply", "import_apply").c_str())) {
        auto applied = app.importBundle(b, true);
        if (!applied) return refuse(applied.error());
        m_summary = applied.value();
        m_bundle.reset();
        m_stage = Stage::Applied;
        return;
    }
    ImGui::SameLine();
    if (closeButton("dialog.cancel", "import_cancel")) {
        m_bundle.reset();
        m_stage = Stage::Closed;
        ImGui::CloseCurrentPopup();
    }
}

void SyncDialog::drawOutcome() {
    if (m_stage == Stage::Exported) {
        widgets::reportedText("export_done", format("sync.exported", m_exported));
        ImGui::TextDisabled("%s", m_fileName.c_str());
    } else if (m_stage == Stage::Applied) {
        widgets::reportedText("import_done", format("sync.applied", m_summary.newCases + m_summary.updatedCases));
    } else {
        ImGui::Text("%s %s", tr("sync.file"), m_fileName.c_str());
        widgets::reportedText("sync_error", tr(m_error.messageKey), &kRed);
        if (!m_error.detail.empty()) ImGui::TextDisabled("%s %s", tr("sync.detail"), m_error.detail.c_str());
        ImGui::TextUnformatted(tr("sync.unchanged"));
    }
    if (closeButton("about.close", "sync_close")) {
        m_stage = Stage::Closed;
        ImGui::CloseCurrentPopup();
    }
}

void SyncDialog::draw(app::App& app, const Host& host) {
    if (m_openPopup) {
        ImGui::OpenPopup(kPopup);
        m_openPopup = false;
    }
    if (m_stage == Stage::Closed) return;
    const char* titles[] = {"", "sync.export_peer", "sync.export_title", "sync.import_title", "sync.import_title",
                            "sync.import_title"};
    const std::string title = std::string(tr(titles[static_cast<int>(m_stage)])) + kPopup;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    switch (m_stage) {
        case Stage::PeerExport: drawPeerExport(app, host); break;
        case Stage::Preview: drawPreview(app); break;
        default: drawOutcome(); break;
    }
    ImGui::EndPopup();
}

} // namespace tousu::ui
