#include "ui/forms/attachments_panel.h"

#include <algorithm>
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

AttachmentsPanel::Pictures::~Pictures() {
    if (!release) return;
    for (const auto& [sha, p] : thumbnails) release(p.texture);
    release(large.texture);
}

void AttachmentsPanel::close() {
    m_pictures = std::make_shared<Pictures>(); // the old textures go with the old case's
    m_viewing.reset();
    m_withdrawing.reset();
    m_reason.clear();
    m_added.clear();
    m_refusals.clear();
    m_error.reset();
}

double AttachmentsPanel::dropLimit(const app::App& app, const core::Case&) const {
    // Whoever may not attach here learns why from the refusal, not from a bundle import's message.
    return double(app.attachments().maxFileMegabytes()) * core::kMegabyte;
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

// Asks the browser for the picture scaled to `maxSide` pixels; the answer lands in this case's pictures
// while they are still the panel's, else its texture is released at once.
void AttachmentsPanel::request(app::App& app, const Host& host, const core::Attachment& a, int maxSide, bool large) {
    Picture& slot = large ? m_pictures->large : m_pictures->thumbnails[a.sha256];
    if (large) {
        if (m_pictures->release) m_pictures->release(slot.texture);
        slot = {};
    }
    auto bytes = app.attachments().bytes(a.sha256);
    if (!bytes) {
        slot.pending = false;
        return;
    }
    m_pictures->release = host.releaseImage;
    std::weak_ptr<Pictures> owner = m_pictures;
    const std::string sha = a.sha256;
    host.decodeImage(bytes.value(), a.mediaType, maxSide,
                     [owner, sha, large, release = host.releaseImage](std::uintptr_t texture, int w, int h) {
                         auto pictures = owner.lock();
                         if (!pictures) {
                             if (release) release(texture);
                             return;
                         }
                         Picture& p = large ? pictures->large : pictures->thumbnails[sha];
                         p = {texture, w, h, false};
                     });
}

// A thumbnail that opens the picture large; a picture the browser cannot show gets none.
void AttachmentsPanel::drawThumbnail(app::App& app, const Host& host, const core::Attachment& a, std::size_t i) {
    constexpr int kThumbnailPixels = 160; // decoded size: sharp at twice the drawn size (high-DPI screens)
    // The same square whether the picture is decoded yet or the browser cannot show it: nothing beside
    // it moves when it arrives (a click aimed at 下载 lands on 下载).
    const float side = ImGui::GetFontSize() * 5;
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    const auto found = m_pictures->thumbnails.find(a.sha256);
    if (found == m_pictures->thumbnails.end()) request(app, host, a, kThumbnailPixels, false);
    if (found == m_pictures->thumbnails.end() || !found->second.texture) {
        ImGui::Dummy(ImVec2(side + padding.x * 2, side + padding.y * 2));
        return;
    }
    const Picture& p = found->second;
    const float scale = side / static_cast<float>(std::max(p.width, p.height));
    const ImVec2 size(p.width * scale, p.height * scale);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(padding.x + (side - size.x) / 2, padding.y + (side - size.y) / 2));
    const std::string id = "attachment_thumb_" + std::to_string(i);
    const bool clicked = ImGui::ImageButton(("##" + id).c_str(), reinterpret_cast<ImTextureID>(p.texture), size);
    ImGui::PopStyleVar();
    widgets::reportLastItem(id.c_str(), a.name); // an image button has no label of its own
    if (clicked) {
        m_viewing = i;
        m_openViewer = true;
        request(app, host, a, 1600, true);
    }
}

// The picture large, fitted to the window, with its name; Esc or 关闭 closes it.
void AttachmentsPanel::drawViewer(app::App& app, const Host& host, const core::Case& c) {
    if (!m_viewing || *m_viewing >= c.attachments.size()) return;
    const core::Attachment& a = c.attachments[*m_viewing];
    const char* popup = "##attachment_viewer";
    if (m_openViewer) ImGui::OpenPopup(popup);
    m_openViewer = false;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x / 2, display.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(popup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        m_viewing.reset();
        return;
    }
    widgets::reportedText("attachment_viewer_name", a.name);
    const Picture& p = m_pictures->large;
    if (p.texture) {
        const float scale = std::min({1.0f, display.x * 0.85f / p.width, (display.y * 0.8f) / p.height});
        ImGui::Image(reinterpret_cast<ImTextureID>(p.texture), ImVec2(p.width * scale, p.height * scale));
    } else {
        ImGui::TextDisabled("%s", tr(p.pending ? "attachment.loading" : "attachment.not_shown"));
    }
    if (ImGui::Button(label("attachment.download", "attachment_viewer_download").c_str()) && host.saveFile)
        if (auto bytes = app.attachments().bytes(a.sha256)) host.saveFile(a.name, a.mediaType, bytes.value());
    ImGui::SameLine();
    if (ImGui::Button(label("about.close", "attachment_viewer_close").c_str()) ||
        ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        ImGui::CloseCurrentPopup();
        m_viewing.reset();
    }
    ImGui::EndPopup();
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
    const bool here = i < m_stored.size() && m_stored[i];
    // A picture's thumbnail, with what is said of it beside it.
    const bool thumbnail = here && host.decodeImage && core::attachmentKind(a.mediaType) == core::AttachmentKind::Image;
    if (thumbnail) {
        drawThumbnail(app, host, a, i);
        ImGui::SameLine();
        ImGui::BeginGroup();
    }
    widgets::reportedText(("attachment_" + n).c_str(), a.name);
    ImGui::TextDisabled("%s · %s · %s · %s", attachmentKindName(a.mediaType).c_str(), formatBytes(a.size).c_str(),
                        names.person(a.by), formatDateTime(a.at).c_str());
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
    if (thumbnail) ImGui::EndGroup();
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
    drawViewer(app, host, c);
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
