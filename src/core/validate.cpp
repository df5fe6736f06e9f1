#include "core/validate.h"

#include <array>

namespace tousu::core {

namespace {

Error fieldError(const char* field, const char* key, std::string detail = {}) {
    return makeError(ErrorCode::InvalidInput, key, std::move(detail), field);
}

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// A time that happened: from 2000 to now (give or take a clock's skew).
std::optional<Error> timeError(const char* field, TimeMs t, TimeMs now) {
    if (t < kEarliestTimeMs) return fieldError(field, "error.before_2000");
    if (t > now + kClockSkewMs) return fieldError(field, "error.in_future");
    return std::nullopt;
}

} // namespace

std::size_t utf8Length(const std::string& s) {
    std::size_t n = 0;
    for (const unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string maskPhone(const std::string& phone) {
    if (phone.size() < 7) return phone;
    return phone.substr(0, 3) + "****" + phone.substr(phone.size() - 4);
}

std::string maskAccount(const std::string& account) {
    if (account.empty()) return account;
    return account.size() < 8 ? std::string("****")
                              : account.substr(0, 2) + "****" + account.substr(account.size() - 2);
}

bool emailOk(const std::string& email) {
    const std::size_t at = email.find('@');
    if (at == 0 || at == std::string::npos || utf8Length(email) > kMaxEmailLength) return false;
    for (const unsigned char c : email)
        if (c <= ' ' || c == 0x7f) return false;
    const std::string domain = email.substr(at + 1); // host.tld: a dot with something either side
    const std::size_t dot = domain.find('.', 1);
    return domain.find('@') == std::string::npos && dot != std::string::npos && dot + 1 < domain.size();
}

Result<std::string> normalizePhone(const std::string& text) {
    std::string digits;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c == '+' && digits.empty() && i == text.find_first_not_of(' '))
            continue;
        else if (c == ' ' || c == '-' || c == '(' || c == ')')
            continue;
        else
            return fieldError("phone", "error.phone_format", text);
    }
    if (startsWith(digits, "0086"))
        digits.erase(0, 4);
    else if (startsWith(digits, "86") && digits.size() == 13)
        digits.erase(0, 2);
    const bool mobile = digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
    const bool landline = digits.size() >= 10 && digits.size() <= 12 && digits[0] == '0' && digits[1] != '0';
    if (!mobile && !landline) return fieldError("phone", "error.phone_format", text);
    return digits;
}

std::string customerKey(const std::string& normalizedPhone, const std::string& account) {
    return normalizedPhone.empty() ? "acct:" + account : normalizedPhone;
}

std::vector<Error> validateRegistration(const Registration& r, TimeMs now) {
    std::vector<Error> errors;
    if (!channelFromCode(r.channel)) errors.push_back(fieldError("channel", "error.required"));
    if (r.customerName.find_first_not_of(" \t") == std::string::npos)
        errors.push_back(fieldError("customer_name", "error.required"));
    else if (utf8Length(r.customerName) > kMaxNameLength)
        errors.push_back(fieldError("customer_name", "error.too_long"));
    if (r.phone.empty() && r.account.empty()) errors.push_back(fieldError("customer_phone", "error.phone_or_account"));
    if (!r.phone.empty())
        if (auto p = normalizePhone(r.phone); !p) errors.push_back(fieldError("customer_phone", "error.phone_format"));
    if (utf8Length(r.account) > kMaxAccountLength) errors.push_back(fieldError("account", "error.too_long"));
    if (!r.email.empty() && !emailOk(r.email)) errors.push_back(fieldError("email", "error.email_format"));
    if (utf8Length(r.address) > kMaxAddressLength) errors.push_back(fieldError("address", "error.too_long"));
    if (!contactMethodFromCode(r.contactMethod)) errors.push_back(fieldError("contact_method", "error.required"));
    if (r.content.find_first_not_of(" \t\r\n") == std::string::npos)
        errors.push_back(fieldError("content", "error.required"));
    else if (utf8Length(r.content) > kMaxContentLength)
        errors.push_back(fieldError("content", "error.too_long"));
    if (!categoryFromCode(r.category)) errors.push_back(fieldError("category", "error.required"));
    if (!r.importance.empty() && !importanceFromCode(r.importance))
        errors.push_back(fieldError("importance", "error.required"));
    if (r.receivedAt <= 0)
        errors.push_back(fieldError("received_at", "error.required"));
    else if (auto e = timeError("received_at", r.receivedAt, now))
        errors.push_back(*e);
    if (r.chargeDate != 0)
        if (auto e = timeError("charge_date", r.chargeDate, now)) errors.push_back(*e);
    return errors;
}

std::optional<Category> suggestCategory(const std::string& content) {
    struct Keywords {
        Category category;
        std::array<const char*, 10> words;
    };
    static const Keywords kKeywords[] = {
        {Category::ServiceQuality, {"网络", "信号", "掉线", "断网", "通话", "上网", "网速", "宽带", "故障", "卡顿"}},
        {Category::Billing, {"账单", "扣费", "话费", "收费", "资费", "费用", "多扣", "退费", "流量费", "计费"}},
        {Category::Business, {"办理", "开通", "变更", "销户", "过户", "携号转网", "套餐", "业务", "停机", "复机"}},
        {Category::Other,
         {"态度", "设备", "营业厅", "服务人员", "光猫", "机顶盒", "投诉人员", "工作人员", "排队", "礼貌"}},
    };
    int best = 0;
    std::optional<Category> out;
    for (const auto& k : kKeywords) {
        int hits = 0;
        for (const char* w : k.words)
            if (content.find(w) != std::string::npos) ++hits;
        if (hits > best) {
            best = hits;
            out = k.category;
        }
    }
    return out;
}

} // namespace tousu::core
