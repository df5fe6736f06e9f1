#include "ui/dialogs/sync_dialog.h"

#include <chrono>
#include <imgui.h>

#include "core/workflow.h"
#include "present/case_csv.h"
#include "present/format.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

constexpr const char* kPopup = "###sync_dialog"; // the title before ### changes, the id does not

// "tousu-HQ-20261129-1030.json": sorts by time in a downloads folder.
std::string exportFileName(const app::App& app, const std::string& kind, const char* extension) {
    std::string stamp = formatDateTime(app.clock().now()); // "2026-11-29 10:30"
    std::string digits;
    for (char c : stamp)
        if (c >= '0' && c <= '9') digits += c;
    return "tousu-" + app.info().officeCode + kind + "-" + digits.substr(0, 8) + "-" + digits.substr(8) + extension;
}

bool closeButton(const char* key, const char* id) {
    return ImGui::Button(label(key, id).c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape);
}

} // namespace

void SyncDialog::show(Stage stage) {
    m_stage = stage;
    m_openPopup = true;
}

void SyncDialog::exportCases(std::vector<std::string> numbers) {
    askExport(false);
    m_caseNumbers = std::move(numbers);
}

void SyncDialog::askExport(bool forPeer) {
    m_caseNumbers.clear();
    m_exporting = true;
    m_forPeer = forPeer;
    m_fileName.clear();
    m_passphraseError.reset();
    show(Stage::ExportOptions);
}

void SyncDialog::startWork(const char* messageKey, std::function<void()> work) {
    m_workKey = messageKey;
    m_work = std::move(work);
    m_workFrames = 0;
    show(Stage::Working);
}

void SyncDialog::exportBundle(app::App& app, const Host& host) {
    auto prepared = app.exchange().prepareExport({m_forPeer ? m_peer : "", m_caseNumbers, m_mask});
    if (!prepared) return refuse(prepared.error());
    const std::string kind = (m_forPeer ? "-to-" + m_peer : "") + (m_encrypt ? "-encrypted" : "");
    const std::string name = exportFileName(app, kind, ".json");
    std::string text = sync::writeBundle(prepared.value().bundle);
    // The download is handed over, then the peer counts as sent: a failed seal moves nothing.
    const auto deliver = [this, &app, save = host.saveFile, name](const app::PreparedExport& p,
                                                                  const std::string& file) {
        if (save) save(name, "application/json", file);
        if (auto st = app.exchange().markDelivered(p); !st) return refuse(st.error());
        exported(name, static_cast<int>(p.bundle.events.size()));
    };
    if (!m_encrypt) return deliver(prepared.value(), text);
    m_workKey = "sync.working_encrypt";
    host.seal(text, m_passphrase, [this, deliver, p = std::move(prepared.value())](core::Result<sync::Sealed> sealed) {
        if (!sealed) return refuse(sealed.error());
        deliver(p, sync::writeSealed(sealed.value()));
    });
    m_passphrase.clear();
    m_repeated.clear();
}

void SyncDialog::exported(const std::string& fileName, int count) {
    m_exporting = true;
    m_fileName = fileName;
    m_exported = count;
    show(Stage::Exported);
}

void SyncDialog::exportTmf(app::App& app, const Host& host) {
    std::string out;
    auto count = app.exchange().exportTmf(out);
    if (!count) return refuse(count.error());
    const std::string name = exportFileName(app, "-tmf621", ".json");
    if (host.saveFile) host.saveFile(name, "application/json", out);
    exported(name, count.value());
}

void SyncDialog::exportCsv(app::App& app, const Host& host, const core::ListFilter& filter) {
    auto csv = caseListCsv(app, filter, app.seesWholeContacts());
    if (!csv) return refuse(csv.error());
    const std::string name = exportFileName(app, "-list", ".csv");
    if (host.saveFile) host.saveFile(name, "text/csv;charset=utf-8", csv.value());
    const std::size_t rows = caseCount(csv.value());
    app.exchange().noteCsvExport(rows, app.seesWholeContacts());
    exported(name, int(rows));
}

void SyncDialog::importFile(const Host& host) const {
    if (host.pickFile) host.pickFile(".json,.gz,application/json");
}

void SyncDialog::refuse(core::Error e) {
    m_error = std::move(e);
    m_import.reset();
    m_incoming.reset();
    m_work = nullptr;
    show(Stage::Refused);
}

void SyncDialog::received(app::App& app, const Host& host, const std::string& name, std::string bytes,
                          const std::string& errorKey) {
    m_exporting = false;
    m_fileName = name;
    m_incoming.reset();
    if (!errorKey.empty()) return refuse(core::makeError(core::ErrorCode::InvalidInput, errorKey));
    auto incoming = app::IncomingBundle::open(std::move(bytes));
    if (!incoming) return refuse(incoming.error());
    m_incoming = std::move(incoming.value());
    if (m_incoming->sealed() && !host.unseal) // said now, not after the passphrase is typed
        return refuse(core::makeError(core::ErrorCode::Unsupported, "error.crypto_unavailable"));
    if (m_incoming->sealed()) {
        m_passphrase.clear();
        m_passphraseError.reset();
        return show(Stage::Passphrase);
    }
    startWork("sync.working_check", [this, &app] { preview(app); });
}

void SyncDialog::preview(app::App& app) {
    auto bundle = m_incoming->bundle(); // read here, after the message has been shown
    if (!bundle) return refuse(bundle.error());
    runImport(app, false);
}

void SyncDialog::runImport(app::App& app, bool apply) {
    auto job = m_incoming->import(app.exchange(), apply);
    if (!job) return refuse(job.error());
    m_import = std::move(job.value());
    m_importApplies = apply;
    m_workKey = apply ? "sync.working_import" : "sync.working_check";
    show(Stage::Working);
}

void SyncDialog::advanceImport() {
    // About 30 ms of work per frame keeps the page responsive and the bar moving.
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(30);
    core::Result<bool> done = false;
    do done = m_import->step(200);
    while (done && !done.value() && std::chrono::steady_clock::now() < until);
    if (!done) {
        m_import.reset();
        return refuse(done.error());
    }
    if (!done.value()) return;
    m_summary = m_import->summary();
    m_import.reset();
    if (m_importApplies) m_incoming.reset();
    show(m_importApplies ? Stage::Applied : Stage::Preview);
}

void SyncDialog::unlock(app::App& app, const Host& host) { // only asked for when host.unseal exists
    startWork("sync.working_decrypt", nullptr);
    host.unseal(m_incoming->envelope(), m_passphrase, [this, &app](core::Result<std::string> plain) {
        if (!m_incoming) return; // closed meanwhile
        if (plain) {
            m_incoming->unsealed(std::move(plain.value()));
            return startWork("sync.working_check", [this, &app] { preview(app); });
        }
        if (plain.error().messageKey != "error.sealed_passphrase") return refuse(plain.error());
        m_passphraseError = plain.error(); // ask again: a typo must not cost the file
        show(Stage::Passphrase);
    });
    m_passphrase.clear();
}

void SyncDialog::drawExportOptions(app::App& app, const Host& host) {
    bool enter = false;
    if (m_forPeer) {
        ImGui::TextUnformatted(tr("sync.peer_explain"));
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        enter |=
            widgets::textField(label("sync.peer", "form_peer"), m_peer, nullptr, ImGuiInputTextFlags_EnterReturnsTrue);
        for (const core::Peer& p : app.exchange().peers()) {
            const std::string item = p.name + "  (" + formatDateTime(p.updatedAt) + ")##peer_" + p.name;
            if (ImGui::Selectable(item.c_str(), m_peer == p.name)) m_peer = p.name;
        }
        ImGui::Separator();
    }
    if (!m_caseNumbers.empty()) {
        char only[160];
        std::snprintf(only, sizeof only, tr("sync.selected_only"), static_cast<int>(m_caseNumbers.size()));
        widgets::reportedText("export_selected_only", only);
    }
    const bool whole = app.may(core::Operation::ExportWhole); // else customers' data leaves hidden, always
    if (!whole) m_mask = true;
    ImGui::BeginDisabled(!whole);
    ImGui::Checkbox(label("sync.mask", "export_mask").c_str(), &m_mask);
    ImGui::EndDisabled();
    ImGui::TextDisabled("%s", tr(whole ? "sync.mask_explain" : "sync.mask_required"));
    if (m_mask) ImGui::TextDisabled("%s", tr("sync.mask_no_files")); // a recording or a photo cannot be masked
    if (!host.seal) m_encrypt = false; // checked before: a peer's watermark must not move for a file never written
    ImGui::BeginDisabled(!host.seal);
    ImGui::Checkbox(label("sync.encrypt", "export_encrypt").c_str(), &m_encrypt);
    ImGui::EndDisabled();
    if (!host.seal) ImGui::TextDisabled("%s", tr("error.crypto_unavailable"));
    if (m_encrypt) {
        ImGui::TextDisabled("%s", tr("sync.encrypt_explain"));
        const ImGuiInputTextFlags secret = ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
        enter |= widgets::textField(label("sync.passphrase", "form_passphrase"), m_passphrase, nullptr, secret);
        widgets::fieldError(m_passphraseError, "passphrase");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
        enter |=
            widgets::textField(label("sync.passphrase_repeat", "form_passphrase_repeat"), m_repeated, nullptr, secret);
        widgets::fieldError(m_passphraseError, "passphrase_repeat");
    }
    const bool valid = !m_forPeer || m_peer.find_first_not_of(" ") != std::string::npos;
    ImGui::BeginDisabled(!valid);
    const bool go = ImGui::Button(label("sync.export_go", "export_go").c_str()) || (enter && valid);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (closeButton("dialog.cancel", "export_cancel")) {
        m_passphrase.clear();
        m_repeated.clear();
        m_stage = Stage::Closed;
        ImGui::CloseCurrentPopup();
        return;
    }
    if (!go) return;
    m_passphraseError.reset();
    if (m_encrypt) {
        if (auto weak = sync::checkNewPassphrase(m_passphrase, m_repeated)) {
            m_passphraseError = core::Error{};
            m_passphraseError->fieldErrors.push_back(*weak);
            return;
        }
    }
    startWork("sync.working_export", [this, &app, &host] { exportBundle(app, host); });
}

void SyncDialog::drawPassphrase(app::App& app, const Host& host) {
    ImGui::Text("%s %s", tr("sync.file"), m_fileName.c_str());
    ImGui::TextUnformatted(tr("sync.sealed_explain"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = widgets::textField(label("sync.passphrase", "form_passphrase"), m_passphrase, nullptr,
                                          ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    if (m_passphraseError)
        widgets::reportedText("passphrase_error", tr(m_passphraseError->messageKey), &colour::kDanger);
    ImGui::BeginDisabled(m_passphrase.empty());
    const bool go = ImGui::Button(label("sync.unlock", "import_unlock").c_str()) || (enter && !m_passphrase.empty());
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (closeButton("dialog.cancel", "import_cancel")) {
        m_incoming.reset();
        m_passphrase.clear();
        m_stage = Stage::Closed;
        ImGui::CloseCurrentPopup();
    } else if (go) {
        unlock(app, host);
    }
}

void SyncDialog::drawWorking() {
    widgets::reportedText("sync_working", tr(m_workKey));
    ImGui::TextDisabled("%s", m_fileName.c_str());
    if (m_import) {
        ImGui::ProgressBar(static_cast<float>(m_import->progress()), ImVec2(ImGui::GetFontSize() * 20, 0));
        return advanceImport();
    }
    // The message is on screen for one frame before the work blocks the next.
    if (m_work && ++m_workFrames > 1) {
        auto work = std::move(m_work);
        m_work = nullptr;
        work();
    }
}

void SyncDialog::drawPreview(app::App& app) {
    const sync::Bundle& b = *m_incoming->bundle().value(); // read before the preview ran
    ImGui::Text("%s %s", tr("sync.file"), m_fileName.c_str());
    ImGui::Text("%s %s (%s) · %s", tr("sync.from"), b.officeName.c_str(), b.officeCode.c_str(),
                formatDateTime(b.created).c_str());
    if (b.masked) widgets::reportedText("import_masked", tr("sync.masked_file"), &colour::kWarning);
    ImGui::Separator();
    const app::ImportSummary& s = m_summary;
    widgets::reportedText("import_new_cases", trNumber("sync.new_cases", s.newCases));
    widgets::reportedText("import_updated_cases", trNumber("sync.updated_cases", s.updatedCases));
    widgets::reportedText("import_reference", trNumber("sync.reference_changes", s.referenceChanges));
    ImGui::TextDisabled("%s", trNumber("sync.records", s.events).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trNumber("sync.known_records", s.duplicates).c_str());
    if (!s.concurrentCases.empty()) {
        widgets::reportedText("import_concurrent",
                              trNumber("sync.concurrent", static_cast<int>(s.concurrentCases.size())),
                              &colour::kWarning);
        std::string numbers;
        for (const std::string& n : s.concurrentCases) numbers += (numbers.empty() ? "" : "、") + n;
        ImGui::TextWrapped("%s", numbers.c_str());
    }
    if (s.newFiles) widgets::reportedText("import_files", trNumber("sync.new_files", s.newFiles));
    if (s.missingFiles)
        widgets::reportedText("import_missing_files", trNumber("sync.missing_files", s.missingFiles),
                              &colour::kWarning);
    if (s.newEvents == 0) ImGui::TextDisabled("%s", tr("sync.nothing_new"));
    ImGui::Separator();
    if (ImGui::Button(label("sync.apply", "import_apply").c_str())) return runImport(app, true);
    ImGui::SameLine();
    if (closeButton("dialog.cancel", "import_cancel")) {
        m_incoming.reset();
        m_stage = Stage::Closed;
        ImGui::CloseCurrentPopup();
    }
}

void SyncDialog::drawOutcome() {
    if (m_stage == Stage::Exported) {
        widgets::reportedText("export_done", trNumber("sync.exported", m_exported));
        ImGui::TextDisabled("%s", m_fileName.c_str());
    } else if (m_stage == Stage::Applied) {
        widgets::reportedText("import_done", trNumber("sync.applied", m_summary.newCases + m_summary.updatedCases));
    } else {
        ImGui::Text("%s %s", tr("sync.file"), m_fileName.c_str());
        widgets::reportedText("sync_error", tr(m_error.messageKey), &colour::kDanger);
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
    const std::string title = std::string(tr(m_exporting ? "sync.export_title" : "sync.import_title")) + kPopup;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    switch (m_stage) {
    case Stage::ExportOptions:
        drawExportOptions(app, host);
        break;
    case Stage::Working:
        drawWorking();
        break;
    case Stage::Passphrase:
        drawPassphrase(app, host);
        break;
    case Stage::Preview:
        drawPreview(app);
        break;
    default:
        drawOutcome();
        break;
    }
    ImGui::EndPopup();
}

} // namespace tousu::ui
