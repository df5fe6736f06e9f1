#include "ui/forms/attachments_panel.h"

#include <cstdio>

#include <imgui.h>

#include "app/app.h"
#include "core/attachment.h"
#include "present/format.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

void AttachmentsPanel::refresh(const app::App& app, const core::Case& c) {
    m_stored.clear();
    for (const core::Attachment& a : c.attachments) m_stored.push_back(app.attachments().stored(a.sha256));
}

void AttachmentsPanel::close() {
    m_withdrawing.reset();
    m_reason.clear();
    m_added.clear();
    m_refusals.clear();
    m_error.reset();
}

double AttachmentsPanel::dropLimit(const app::App& app, const core::Case& c) const {
    return app.attachments().mayAttach(c) ? double(app.attachments().maxFileMegabytes()) * core::kMegabyte : 0;
}

void AttachmentsPanel::received(app::App& app, const core::Case& c, const std::string& name, const std::string& bytes,
                                const std::string& errorKey) {
    if (m_refusals.empty() && m_added.empty()) m_error.reset();
    std::string why;
    if (!errorKey.empty()) {
        why = tr(errorKey);
    } else if (auto attached = app.attachments().attach(c.id, name, bytes); attached) {
        m_added.push_back(name);
        return;
    } else {
        const core::Error& e = attached.error();
        why = tr(e.fieldErrors.empty() ? e.messageKey : e.fieldErrors.front().messageKey);
    }
    m_refusals.push_back(name + "：" + why);
}

void AttachmentsPanel::drawFile(app::App& app, const Host& host, const core::Case& c, const ReferenceNames& names,
                                std::size_t i) {
    const core::Attachment& a = c.attachments[i];
    const std::string n = std::to_string(i);
    ImGui::PushID(static_cast<int>(i));
    if (a.withdrawn) {
        widgets::reportedText(("attachment_" + n).c_str(), a.name + "  ·  " + tr("print.withdrawn") + a.withdrawnReason,
                              &colour::kMuted);
        ImGui::PopID();
        return;
    }
    widgets::reportedText(("attachment_" + n).c_str(), a.name);
    ImGui::TextDisabled("%s · %s · %s", formatBytes(a.size).c_str(), names.person(a.by), formatDateTime(a.at).c_str());
    const bool here = i < m_stored.size() && m_stored[i];
    // The buttons beside the facts when they fit.
    const auto small = [](const std::string& text) {
        widgets::sameLineIfFits(ImGui::CalcTextSize(text.c_str(), nullptr, true).x +
                                ImGui::GetStyle().FramePadding.x * 2);
        return ImGui::SmallButton(text.c_str());
    };
    if (!here) {
        widgets::reportedText(("attachment_missing_" + n).c_str(), tr("attachment.missing"), &colour::kWarning);
    } else {
        const auto withBytes = [&](const auto& use) {
            auto bytes = app.attachments().bytes(a.sha256);
            if (bytes) use(bytes.value());
            m_error = bytes ? std::nullopt : std::optional<core::Error>(bytes.error());
        };
        if (small(label("attachment.open", ("attachment_open_" + n).c_str())) && host.openFile)
            withBytes([&](const std::string& b) { host.openFile(a.name, a.mediaType, b); });
        if (small(label("attachment.download", ("attachment_download_" + n).c_str())) && host.saveFile)
            withBytes([&](const std::string& b) { host.saveFile(a.name, a.mediaType, b); });
    }
    if (app.attachments().mayWithdraw(c, a)) {
        if (small(label("attachment.withdraw", ("attachment_withdraw_" + n).c_str()))) {
            m_withdrawing = a.sha256;
            m_reason.clear();
            m_error.reset();
        }
    }
    ImGui::PopID();
}

void AttachmentsPanel::drawWithdrawal(app::App& app, const core::Case& c) {
    widgets::textField(label("field.withdraw_reason", "withdraw_reason"), m_reason);
    if (ImGui::Button(label("attachment.withdraw_confirm", "withdraw_go").c_str())) {
        auto done = app.attachments().withdraw(c.id, *m_withdrawing, m_reason);
        if (done) m_withdrawing.reset();
        m_error = done ? std::nullopt : std::optional<core::Error>(done.error());
    }
    ImGui::SameLine();
    if (ImGui::Button(label("action.close", "withdraw_cancel").c_str())) {
        m_withdrawing.reset();
        m_error.reset();
    }
}

void AttachmentsPanel::draw(app::App& app, const Host& host, const core::Case& c, const ReferenceNames& names) {
    char title[96];
    std::snprintf(title, sizeof title, tr("attachment.title"), static_cast<int>(c.attachments.size()));
    ImGui::SeparatorText(title);
    ImGui::PushTextWrapPos(0);
    for (std::size_t i = 0; i < c.attachments.size(); ++i) drawFile(app, host, c, names, i);
    if (m_withdrawing) drawWithdrawal(app, c);
    if (app.attachments().mayAttach(c)) {
        if (ImGui::Button(label("attachment.add", "attach_file").c_str()) && host.pickAttachments) {
            m_added.clear();
            m_refusals.clear();
            host.pickAttachments(core::acceptedExtensions().c_str(), dropLimit(app, c));
        }
        char limits[256];
        std::snprintf(limits, sizeof limits, tr("attachment.limits"), app.attachments().maxFileMegabytes(),
                      app.attachments().maxCaseMegabytes());
        widgets::sameLineIfFits(ImGui::CalcTextSize(limits).x);
        ImGui::TextDisabled("%s", limits);
    }
    if (!m_added.empty()) {
        std::string added = tr("attachment.added");
        for (std::size_t i = 0; i < m_added.size(); ++i) added += (i ? "、" : "") + m_added[i];
        widgets::reportedText("attachment_added", added, &colour::kSuccess);
    }
    for (std::size_t i = 0; i < m_refusals.size(); ++i)
        widgets::reportedText(("attachment_refused_" + std::to_string(i)).c_str(), m_refusals[i], &colour::kDanger);
    widgets::actionError(m_error ? &*m_error : nullptr);
    ImGui::PopTextWrapPos();
}

} // namespace tousu::ui
