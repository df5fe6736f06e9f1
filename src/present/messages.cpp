#include "present/messages.h"

#include "app/app.h"
#include "present/format.h"
#include "present/i18n.h"

namespace tousu::present {

std::string fillTemplate(const std::string& text, const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find('{', at);
        const std::size_t close = open == std::string::npos ? open : text.find('}', open);
        if (close == std::string::npos) break;
        out.append(text, at, open - at);
        const std::string name = text.substr(open + 1, close - open - 1);
        bool known = false;
        for (const auto& [key, value] : values)
            if (key == name) {
                out += value;
                known = true;
            }
        if (!known) out.append(text, open, close - open + 1);
        at = close + 1;
    }
    out.append(text, at, std::string::npos);
    return out;
}

const char* builtInTemplate(const std::string& kind) { return tr("template.builtin." + kind); }

std::string messageTemplate(const app::App& app, const std::string& kind) {
    return app.settings().messageTemplate(kind, languageTag(language())).value_or(builtInTemplate(kind));
}

std::string caseMessage(const app::App& app, const std::string& kind, const core::Case& c) {
    const core::TimeMs due = c.receivedAt + (c.milestones.empty() ? 0 : c.milestones.back().limitMs);
    const app::AppInfo info = app.info();
    return fillTemplate(messageTemplate(app, kind),
                        {{"office", info.officeName.empty() ? tr("app.title") : info.officeName},
                         {"number", c.number},
                         {"category", trCode("category", core::code(c.category))},
                         {"customer", c.customerName},
                         {"due", formatDateTime(due)}});
}

} // namespace tousu::present
