#include "core/amend.h"

#include <algorithm>

#include "core/validate.h"

namespace tousu::core {

namespace {

bool amendable(std::string_view field) {
    return std::find(std::begin(kAmendableFields), std::end(kAmendableFields), field) != std::end(kAmendableFields);
}

// The registration the case would have after the changes: checked by the intake's own rules.
Registration asRegistration(const Case& c, const Fields& changes) {
    const auto value = [&](const char* field) {
        const auto it = changes.find(field);
        return it == changes.end() ? amendableValue(c, field) : it->second;
    };
    Registration r;
    r.channel = value("channel");
    r.customerName = value("customer_name");
    r.phone = value("phone");
    r.account = value("account");
    r.email = value("email");
    r.address = value("address");
    r.contactMethod = value("contact_method");
    r.content = value("content");
    r.category = code(c.category);
    const std::string received = value("received_at");
    r.receivedAt = received.empty() || received.find_first_not_of("0123456789") != std::string::npos
                       ? 0
                       : std::stoll(received.substr(0, 15));
    return r;
}

} // namespace

std::string amendableValue(const Case& c, std::string_view field) {
    if (field == "customer_name") return c.customerName;
    if (field == "phone") return c.phone;
    if (field == "account") return c.account;
    if (field == "email") return c.email;
    if (field == "address") return c.address;
    if (field == "contact_method") return code(c.contactMethod);
    if (field == "content") return c.content;
    if (field == "received_at") return std::to_string(c.receivedAt);
    if (field == "channel") return code(c.channel);
    return {};
}

std::vector<Error> amendmentErrors(const Case& c, const Fields& changes, TimeMs now) {
    for (const auto& entry : changes)
        if (!amendable(entry.first))
            return {makeError(ErrorCode::InvalidInput, "error.not_amendable", entry.first, entry.first)};
    return validateRegistration(asRegistration(c, changes), now);
}

Fields amendmentFields(const Case& c, const Fields& changes) {
    Fields out;
    for (const auto& [field, typed] : changes) {
        std::string value = typed;
        if (field == "phone" && !value.empty())
            if (auto normal = normalizePhone(value)) value = normal.value();
        const std::string old = amendableValue(c, field);
        if (value == old) continue;
        out[field] = value;
        out[std::string(kOldPrefix) + field] = old;
    }
    if (out.count("phone") || out.count("account")) {
        const std::string phone = out.count("phone") ? out["phone"] : c.phone;
        const std::string account = out.count("account") ? out["account"] : c.account;
        if (const std::string key = customerKey(phone, account); key != c.customerKey) {
            out["customer_key"] = key;
            out[std::string(kOldPrefix) + "customer_key"] = c.customerKey;
        }
    }
    return out;
}

void applyAmendment(Case& c, const Fields& f) {
    const auto set = [&](const char* field, auto apply) {
        if (const auto it = f.find(field); it != f.end()) apply(it->second);
    };
    set("customer_name", [&](const std::string& v) { c.customerName = v; });
    set("phone", [&](const std::string& v) { c.phone = v; });
    set("account", [&](const std::string& v) { c.account = v; });
    set("customer_key", [&](const std::string& v) { c.customerKey = v; });
    set("email", [&](const std::string& v) { c.email = v; });
    set("address", [&](const std::string& v) { c.address = v; });
    set("content", [&](const std::string& v) { c.content = v; });
    set("contact_method",
        [&](const std::string& v) { c.contactMethod = contactMethodFromCode(v).value_or(c.contactMethod); });
    set("channel", [&](const std::string& v) { c.channel = channelFromCode(v).value_or(c.channel); });
    set("received_at", [&](const std::string&) { c.receivedAt = getInt(f, "received_at", c.receivedAt); });
    set("repeat_of", [&](const std::string& v) { c.repeatOf = v; });
}

} // namespace tousu::core
