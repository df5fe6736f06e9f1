#include <algorithm>

#include "app/context.h"
#include "app/errors.h"
#include "app/settings.h"
#include "core/deadline.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/queries.h"
#include "store/statement.h"

namespace tousu::app {

using core::ErrorCode;
using core::makeError;

namespace {

constexpr std::size_t kMaxTemplateLength = 1000;

// A name must be given, short, and not the name of another record of the same kind.
void checkName(std::vector<core::Error>& errors, const char* field, const std::string& name, bool taken) {
    if (auto e = textError(field, name, true, kMaxNameLength))
        errors.push_back(*e);
    else if (taken)
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.duplicate_name", name, field));
}

template <class Record, class Name>
bool nameTaken(const std::vector<Record>& records, const std::string& id, const std::string& name, Name nameOf) {
    return std::any_of(records.begin(), records.end(),
                       [&](const Record& r) { return r.id != id && nameOf(r) == name; });
}

} // namespace

bool Settings::mayEditSettings() const { return !m_ctx.readOnly && m_ctx.permits(core::Operation::EditSettings); }

core::Status Settings::setOffice(const std::string& code, const std::string& name) {
    if (auto st = m_ctx.requireAdmin(); !st) return st;
    std::vector<core::Error> errors;
    if (auto e = officeCodeError(code)) errors.push_back(*e);
    if (auto e = textError("office_name", name, true, kMaxNameLength)) errors.push_back(*e);
    if (!errors.empty()) return invalid(std::move(errors));
    store::Transaction tx(m_ctx.db->handle());
    if (auto st = store::setMeta(*m_ctx.db, "office_code", code); !st) return st;
    if (auto st = store::setMeta(*m_ctx.db, "office_name", name); !st) return st;
    m_ctx.audit("office", code);
    if (auto st = tx.commit(); !st) return st;
    m_ctx.officeCode = code;
    ++m_ctx.revision;
    return core::Ok{};
}

core::Result<std::string> Settings::saveDepartment(core::Department d) {
    if (auto st = m_ctx.requireAdmin(); !st) return st.error();
    const auto all = m_ctx.departments();
    std::vector<core::Error> errors;
    checkName(errors, "name_zh", d.nameZh, nameTaken(all, d.id, d.nameZh, [](auto& r) { return r.nameZh; }));
    if (auto e = textError("name_en", d.nameEn, false, kMaxNameLength)) errors.push_back(*e);
    if (!d.head.empty() && !hasId(m_ctx.staff(), d.head))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.unknown_person", d.head, "head"));
    if (!errors.empty()) return invalid(std::move(errors));
    if (d.id.empty()) d.id = "d-" + m_ctx.ids.uuid().substr(0, 8);
    if (d.nameEn.empty()) d.nameEn = d.nameZh;
    if (auto st = m_ctx.recordReference("ref.department",
                                        {{"id", d.id}, {"name_zh", d.nameZh}, {"name_en", d.nameEn}, {"head", d.head}});
        !st)
        return st.error();
    return d.id;
}

core::Result<std::string> Settings::saveStaff(core::StaffMember s) {
    if (auto st = m_ctx.requireAdmin(); !st) return st.error();
    std::vector<core::Error> errors;
    checkName(errors, "name", s.name, nameTaken(m_ctx.staff(), s.id, s.name, [](auto& r) { return r.name; }));
    if (!core::roleFromCode(s.role))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.required", s.role, "role"));
    if (!hasId(m_ctx.departments(), s.department))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.required", s.department, "department"));
    if (s.id == m_ctx.actor.staffId && s.role != core::code(core::Role::Admin)) // someone must be left to edit settings
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.own_admin_role", s.role, "role"));
    if (!errors.empty()) return invalid(std::move(errors));
    if (s.id.empty()) s.id = "s-" + m_ctx.ids.uuid().substr(0, 8);
    if (auto st = m_ctx.recordReference(
            "ref.staff", {{"id", s.id}, {"name", s.name}, {"role", s.role}, {"department", s.department}});
        !st)
        return st.error();
    return s.id;
}

core::Result<std::string> Settings::saveSubType(core::SubType t) {
    if (auto st = m_ctx.requireAdmin(); !st) return st.error();
    std::vector<core::Error> errors;
    if (!core::categoryFromCode(t.category))
        errors.push_back(makeError(ErrorCode::InvalidInput, "error.required", t.category, "category"));
    checkName(errors, "name_zh", t.nameZh, nameTaken(m_ctx.subTypes(), t.id, t.nameZh, [&](auto& r) {
                  return r.category == t.category ? r.nameZh : std::string();
              }));
    if (auto e = textError("name_en", t.nameEn, false, kMaxNameLength)) errors.push_back(*e);
    if (!errors.empty()) return invalid(std::move(errors));
    if (t.id.empty()) t.id = "t-" + m_ctx.ids.uuid().substr(0, 8);
    if (t.nameEn.empty()) t.nameEn = t.nameZh;
    if (auto st = m_ctx.recordReference(
            "ref.sub_type", {{"id", t.id}, {"category", t.category}, {"name_zh", t.nameZh}, {"name_en", t.nameEn}});
        !st)
        return st.error();
    return t.id;
}

core::Status Settings::updatePolicy(const std::string& category,
                                    const std::vector<std::pair<std::string, int>>& limitHours, int maxHours) {
    if (auto st = m_ctx.requireAdmin(); !st) return st;
    const auto cat = core::categoryFromCode(category);
    const core::CategoryPolicy* current = cat ? core::policyFor(m_ctx.policies, *cat) : nullptr;
    std::vector<core::Error> errors;
    if (!current) errors.push_back(makeError(ErrorCode::InvalidInput, "error.required", category, "category"));
    std::vector<core::MilestoneClock> limits;
    for (const auto& [milestone, hours] : limitHours) {
        const auto m = core::milestoneFromCode(milestone);
        const bool known = current && m &&
                           std::any_of(current->rules.begin(), current->rules.end(),
                                       [&](const core::MilestoneRule& r) { return r.milestone == *m; });
        if (!known || hours < 1 || hours > 24 * 30)
            errors.push_back(makeError(ErrorCode::InvalidInput, "error.limit_range", milestone, "limit_hours"));
        else
            limits.push_back({*m, hours * core::kHourMs, 0});
    }
    if (current && limits.size() != current->rules.size() && errors.empty())
        errors.push_back(
            makeError(ErrorCode::InvalidInput, "error.required", "every milestone needs a limit", "limit_hours"));
    if (maxHours < 1 || maxHours > 24 * 30)
        errors.push_back(
            makeError(ErrorCode::InvalidInput, "error.limit_range", std::to_string(maxHours), "max_hours"));
    if (!errors.empty()) return invalid(std::move(errors));
    if (auto st = m_ctx.recordReference("ref.policy", {{"category", category},
                                                       {"version", std::to_string(current->version + 1)},
                                                       {"limits", core::encodeLimits(limits)},
                                                       {"max_hours", std::to_string(maxHours)}});
        !st)
        return st;
    return m_ctx.loadPolicies();
}

core::Status Settings::useWorkingHours(const std::string& calendarTsv) {
    auto parsed = core::parseWorkingCalendar(calendarTsv);
    if (!parsed) return parsed.error();
    if (auto st = m_ctx.requireAdmin(); !st) return st;
    if (auto st = store::setMeta(*m_ctx.db, "working_calendar", calendarTsv); !st) return st;
    m_ctx.useCalendar(std::move(parsed.value()));
    ++m_ctx.revision;
    m_ctx.audit("calendar", "working hours");
    return core::Ok{};
}

core::Status Settings::useClockHours() {
    if (auto st = m_ctx.requireAdmin(); !st) return st;
    if (auto st = store::deleteMeta(*m_ctx.db, "working_calendar"); !st) return st;
    m_ctx.useClockHours();
    ++m_ctx.revision;
    m_ctx.audit("calendar", "clock hours");
    return core::Ok{};
}

std::optional<int> Settings::calendarDaysLeft() const {
    if (!m_ctx.policies.workingHours) return std::nullopt;
    const std::int64_t today = (m_ctx.clock.now() + core::kChinaOffsetMinutes * 60000LL) / 86400000;
    return static_cast<int>(m_ctx.workingCalendar.lastDay - today);
}

std::optional<std::string> Settings::messageTemplate(const std::string& kind, const std::string& language) const {
    auto text = m_ctx.meta("template." + kind + "." + language);
    if (text && text->empty()) return std::nullopt;
    return text;
}

core::Status Settings::setMessageTemplate(const std::string& kind, const std::string& language,
                                          const std::string& text) {
    if (auto st = m_ctx.requireAdmin(); !st) return st;
    if (!oneOf(kind, kTemplateKinds)) return fieldError("error.required", "template", kind);
    if (auto e = textError("template", text, false, kMaxTemplateLength)) return invalid({*e});
    if (auto st = store::setMeta(*m_ctx.db, "template." + kind + "." + language, text); !st) return st;
    ++m_ctx.revision;
    m_ctx.audit("template", kind + " " + language);
    return core::Ok{};
}

bool Settings::roleSeesWholeContacts(core::Role role) const {
    const auto chosen = m_ctx.settingMeta(std::string("whole_contacts.") + core::code(role));
    return chosen ? *chosen == "1" : core::roleSeesFullPhone(role);
}

core::Status Settings::setRoleSeesWholeContacts(core::Role role, bool whole) {
    if (auto st = m_ctx.requireAdmin(); !st) return st;
    store::Transaction tx(m_ctx.db->handle());
    if (auto st = store::setMeta(*m_ctx.db, std::string("whole_contacts.") + core::code(role), whole ? "1" : "0"); !st)
        return st;
    m_ctx.audit("whole_contacts", std::string(core::code(role)) + (whole ? " whole" : " masked"));
    if (auto st = tx.commit(); !st) return st;
    ++m_ctx.revision;
    return core::Ok{};
}

std::optional<std::string> Settings::preference(const std::string& key) const { return m_ctx.meta("pref." + key); }

core::Status Settings::setPreference(const std::string& key, const std::string& value) {
    if (auto refused = m_ctx.cannotWrite()) return *refused;
    if (preference(key) == value) return core::Ok{};
    return store::setMeta(*m_ctx.db, "pref." + key, value);
}

} // namespace tousu::app
