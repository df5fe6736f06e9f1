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

namespace {

// What was done for the customer, for the feedback: the last step implemented, else the last solution
// proposed (a case fed back without either says nothing here and the agent writes it).
std::string handledResult(const app::App& app, const core::Case& c) {
    const auto events = app.cases().timeline(c.id);
    if (!events) return {};
    std::string result;
    for (const core::Event& e : events.value()) {
        if (e.type == "implement")
            result = core::getField(e.fields, "step");
        else if (e.type == "propose_solution")
            result = core::getField(e.fields, "solution");
    }
    return result;
}

} // namespace

std::string caseMessage(const app::App& app, const std::string& kind, const core::Case& c) {
    const core::TimeMs due = c.receivedAt + (c.milestones.empty() ? 0 : c.milestones.back().limitMs);
    const app::AppInfo info = app.info();
    // A customer must never read the first start's placeholder name as the sender: until the office
    // is named, the signature is left out ("【】" or "[] " with nothing inside).
    const std::string office = info.officeSetUp() ? info.officeName : std::string();
    std::string text = fillTemplate(messageTemplate(app, kind),
                                    {{"office", office},
                                     {"number", c.number},
                                     {"category", trCode("category", core::code(c.category))},
                                     {"customer", c.customerName},
                                     {"due", formatDateTime(due)},
                                     {"result", kind == "feedback" ? handledResult(app, c) : std::string()}});
    if (office.empty())
        for (const std::string empty : {"【】", "[] ", "[]"})
            if (text.rfind(empty, 0) == 0) text.erase(0, empty.size());
    return text;
}

} // namespace tousu::present
