#include "sync/scenario.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

#include "sync/json_limits.h"

namespace tousu::sync {

namespace {

using nlohmann::json;

constexpr const char* kFormat = "tousu.scenario";
constexpr int kVersion = 1;
constexpr const char* kActions[] = {"register",         "confirm",         "classify",      "dispatch",
                                    "investigate",      "contact",         "wait_customer", "customer_responded",
                                    "propose_solution", "reject_solution", "implement",     "feedback",
                                    "survey",           "archive",         "follow_up",     "reopen",
                                    "reassign",         "set_deadline"};

core::Error bad(const std::string& detail) {
    return core::makeError(core::ErrorCode::InvalidInput, "error.scenario_invalid", detail);
}

// Members read without ever throwing: a missing or mistyped member reads as empty.
std::string str(const json& o, const char* key) {
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<bool> flag(const json& o, const char* key) {
    const auto it = o.find(key);
    if (it == o.end() || !it->is_boolean()) return std::nullopt;
    return it->get<bool>();
}

const json& member(const json& o, const char* key) {
    static const json none;
    const auto it = o.find(key);
    return it == o.end() ? none : *it;
}

LocalText localText(const json& j) {
    if (!j.is_object()) return {};
    const std::string zh = str(j, "zh-CN"), en = str(j, "en");
    return {zh, en.empty() ? zh : en};
}

std::string asText(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    return v.dump();
}

} // namespace

bool looksLikeScenario(const std::string& bytes) { return bytes.find("\"tousu.scenario\"") != std::string::npos; }

core::Result<Scenario> readScenario(const std::string& text) {
    if (outlineJson(text, kMaxJsonDepth).deepest > kMaxJsonDepth) return bad("nested too deep");
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return bad("not JSON");
    if (str(j, "format") != kFormat) return bad("not a tousu.scenario file");
    const json& version = member(j, "version");
    if (!integerIn(version, 1, kVersion)) return bad("version must be 1–" + std::to_string(kVersion));
    Scenario s;
    s.id = str(j, "id");
    s.title = localText(member(j, "title"));
    s.description = localText(member(j, "description"));
    if (s.id.empty() || s.title.zh.empty()) return bad("id and title are required");
    auto start = core::parseIso8601(str(j, "start"));
    if (!start) return bad("start: \"" + str(j, "start") + "\" is not an ISO 8601 time with an offset");
    s.start = start.value();
    const json& office = member(j, "office");
    s.officeCode = office.is_object() ? str(office, "code") : "";
    s.officeName = office.is_object() ? str(office, "name") : "";
    if (s.officeCode.empty()) s.officeCode = "TR";
    if (s.officeName.empty()) s.officeName = "培训营业部";
    const json& bundle = member(j, "bundle");
    if (!bundle.is_null() && !bundle.is_object()) return bad("bundle must be a tousu.bundle object");
    if (bundle.is_object()) s.bundle = bundle.dump();
    if (!member(j, "steps").is_array()) return bad("steps must be an array");
    std::set<std::string> registered;
    int previous = 0, index = 0;
    for (const json& step : member(j, "steps")) {
        const std::string where = "step " + std::to_string(++index) + ": ";
        if (!step.is_object() || !member(step, "at").is_number_integer()) return bad(where + "needs \"at\" (minutes)");
        ScenarioStep st;
        st.atMinute = member(step, "at").get<int>();
        if (st.atMinute < previous) return bad(where + "steps must be in time order");
        previous = st.atMinute;
        st.note = localText(member(step, "note"));
        if (step.contains("do")) {
            st.kind = ScenarioStep::Kind::Action;
            st.action = str(step, "do");
            if (std::find(std::begin(kActions), std::end(kActions), st.action) == std::end(kActions))
                return bad(where + "unknown action \"" + st.action + "\"");
            st.actor = str(step, "as");
            st.caseLabel = str(step, "case");
            st.trainee = flag(step, "trainee").value_or(false);
            if (st.actor.empty() || st.caseLabel.empty()) return bad(where + "an action needs \"as\" and \"case\"");
            if (st.action == "register")
                registered.insert(st.caseLabel);
            else if (!registered.count(st.caseLabel))
                return bad(where + "case \"" + st.caseLabel + "\" is not registered before");
            const json& fields = member(step, "fields");
            if (!fields.is_null() && !fields.is_object()) return bad(where + "fields must be an object");
            if (fields.is_object())
                for (const auto& [key, value] : fields.items()) st.fields[key] = asText(value);
        } else if (step.contains("pause")) {
            st.kind = ScenarioStep::Kind::Pause;
            st.note = localText(member(step, "pause"));
        } else if (step.contains("check")) {
            st.kind = ScenarioStep::Kind::Check;
            const json& c = member(step, "check");
            if (!c.is_object()) return bad(where + "check must be an object");
            st.expect.caseLabel = str(c, "case");
            if (!registered.count(st.expect.caseLabel)) return bad(where + "check of a case not registered before");
            if (!str(c, "state").empty()) st.expect.state = str(c, "state");
            st.expect.overdue = flag(c, "overdue");
            st.expect.repeat = flag(c, "repeat");
        } else {
            return bad(where + "needs \"do\", \"pause\" or \"check\"");
        }
        s.steps.push_back(std::move(st));
    }
    return s;
}

std::string writeScenarioSnapshot(const Scenario& from, core::TimeMs start, const std::string& bundleJson) {
    const std::string stamp = core::formatIso8601(start);
    json j = {{"format", kFormat},
              {"version", kVersion},
              {"id", from.id + "-" + stamp.substr(0, 10)},
              {"title",
               {{"zh-CN", from.title.zh + "（" + stamp.substr(0, 16) + " 的快照）"},
                {"en", from.title.en + " (snapshot at " + stamp.substr(0, 16) + ")"}}},
              {"description", {{"zh-CN", from.description.zh}, {"en", from.description.en}}},
              {"start", stamp},
              {"office", {{"code", from.officeCode}, {"name", from.officeName}}},
              {"steps", json::array()}};
    j["bundle"] = json::parse(bundleJson, nullptr, false);
    return j.dump(1);
}

} // namespace tousu::sync
