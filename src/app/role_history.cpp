#include "app/role_history.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "app/context.h"
#include "app/reference_data.h"

namespace tousu::app {

namespace {

int rank(const std::string& role) { return role == "admin" ? 2 : role == "supervisor" ? 1 : 0; }

// The ids of this version's default staff events: the only role changes "system" may make.
const std::set<std::string>& defaultStaffIds() {
    static const std::set<std::string> ids = [] {
        std::set<std::string> out;
        for (const ReferenceItem& item : defaultReferenceData())
            if (std::string_view(item.type) == "ref.staff") out.insert(Context::seedEvent(item.type, item.fields).id);
        return out;
    }();
    return ids;
}

} // namespace

std::optional<core::Error> roleChangeError(const std::vector<core::Event>& local,
                                           const std::vector<core::Event>& incoming) {
    std::map<std::string, std::size_t> place; // incoming ref.staff events not held here: their index
    std::set<std::string> held;
    for (const core::Event& e : local) held.insert(e.id);
    std::vector<const core::Event*> history;
    for (const core::Event& e : local) history.push_back(&e);
    for (std::size_t i = 0; i < incoming.size(); ++i)
        if ((incoming[i].type == "ref.staff" || incoming[i].type == "erase") && !held.count(incoming[i].id) &&
            place.emplace(incoming[i].id, i).second)
            history.push_back(&incoming[i]);
    if (place.empty()) return std::nullopt;
    std::sort(history.begin(), history.end(),
              [](const core::Event* a, const core::Event* b) { return core::eventBefore(*a, *b); });
    std::map<std::string, std::string> roles; // staff id → role, as the history stands
    for (const core::Event* e : history) {
        const auto by = roles.find(e->actor);
        const bool byAdministrator = by != roles.end() && by->second == "admin";
        if (e->type == "erase") {
            if (!byAdministrator)
                return core::makeError(core::ErrorCode::InvalidInput, "error.erase_not_administrator",
                                       "event " + std::to_string(place[e->id] + 1) + " (" + e->id + "): " + e->actor +
                                           " is not an administrator");
            continue;
        }
        const std::string id = core::getField(e->fields, "id"), role = core::getField(e->fields, "role");
        const auto before = roles.find(id);
        const bool changes = before == roles.end() ? rank(role) > 0 : role != before->second;
        if (changes && place.count(e->id) && !byAdministrator && !defaultStaffIds().count(e->id))
            return core::makeError(core::ErrorCode::InvalidInput, "error.role_change",
                                   "event " + std::to_string(place[e->id] + 1) + " (" + e->id + "): " + e->actor +
                                       " made " + id + " " + role + " without being an administrator");
        roles[id] = role;
    }
    return std::nullopt;
}

} // namespace tousu::app
