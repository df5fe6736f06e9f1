#include "app/reference_data.h"

namespace tousu::app {

std::vector<ReferenceItem> defaultReferenceData() {
    const auto dept = [](const char* id, const char* zh, const char* en, const char* head) {
        return ReferenceItem{"ref.department", {{"id", id}, {"name_zh", zh}, {"name_en", en}, {"head", head}}};
    };
    const auto person = [](const char* id, const char* name, const char* role, const char* department) {
        return ReferenceItem{"ref.staff", {{"id", id}, {"name", name}, {"role", role}, {"department", department}}};
    };
    const auto sub = [](const char* id, const char* category, const char* zh, const char* en) {
        return ReferenceItem{"ref.sub_type", {{"id", id}, {"category", category}, {"name_zh", zh}, {"name_en", en}}};
    };
    return {
        dept("customer_service", "客服中心", "Customer Service", "s01"),
        dept("network", "网络维护部", "Network Operations", "s03"),
        dept("billing", "计费结算部", "Billing", "s05"),
        dept("business", "业务支撑部", "Service Support", "s07"),
        dept("quality", "质检部", "Quality Assurance", "s09"),
        person("s01", "王芳", "agent", "customer_service"),
        person("s02", "李娜", "agent", "customer_service"),
        person("s03", "张伟", "handler", "network"),
        person("s04", "刘洋", "handler", "network"),
        person("s05", "陈静", "handler", "billing"),
        person("s06", "杨磊", "handler", "billing"),
        person("s07", "赵敏", "handler", "business"),
        person("s08", "黄强", "handler", "business"),
        person("s09", "周杰", "supervisor", "quality"),
        person("s10", "吴婷", "admin", "customer_service"),
        sub("network_fault", "service_quality", "网络故障", "Network fault"),
        sub("poor_call_quality", "service_quality", "通话质量差", "Poor call quality"),
        sub("unstable_internet", "service_quality", "上网不稳定", "Unstable internet"),
        sub("bill_error", "billing", "账单错误", "Bill error"),
        sub("unclear_charges", "billing", "资费不明", "Unclear charges"),
        sub("slow_new_service", "business", "新业务办理不及时", "New service not handled in time"),
        sub("service_change", "business", "业务变更问题", "Service change problem"),
        sub("equipment_fault", "other", "设备故障", "Equipment fault"),
        sub("staff_attitude", "other", "客户服务态度", "Staff attitude"),
    };
}

const char* defaultDepartmentFor(const std::string& category) {
    if (category == "service_quality") return "network";
    if (category == "billing") return "billing";
    if (category == "business") return "business";
    return "customer_service";
}

} // namespace tousu::app
