#include "present/reference_names.h"

#include "app/app.h"
#include "present/i18n.h"

namespace tousu::present {

void ReferenceNames::refresh(const app::App& app) {
    if (app.revision() == m_revision) return;
    m_revision = app.revision();
    m_departments = app.departments();
    m_staff = app.staff();
    m_subTypes = app.subTypes();
}

const char* ReferenceNames::department(const std::string& id) const {
    for (const auto& d : m_departments)
        if (d.id == id) return (language() == Language::ZhCN ? d.nameZh : d.nameEn).c_str();
    return id.c_str();
}

const char* ReferenceNames::person(const std::string& id) const {
    for (const auto& s : m_staff)
        if (s.id == id) return s.name.c_str();
    return id.c_str();
}

const char* ReferenceNames::subType(const std::string& id) const {
    if (id.empty()) return tr("dash.no_sub_type");
    for (const auto& t : m_subTypes)
        if (t.id == id) return (language() == Language::ZhCN ? t.nameZh : t.nameEn).c_str();
    return id.c_str();
}

} // namespace tousu::present
