#include "core/redact.h"

#include <algorithm>

#include "core/amend.h"
#include "core/validate.h"
#include "core/workflow.h"

namespace tousu::core {

bool isPersonalField(std::string_view key) {
    static constexpr std::string_view kFields[] = {"customer_name", "phone", "account",
                                                   "customer_key",  "email", "address"};
    if (key.substr(0, kOldPrefix.size()) == kOldPrefix) key.remove_prefix(kOldPrefix.size()); // an amend's old value
    return std::find(std::begin(kFields), std::end(kFields), key) != std::end(kFields);
}

std::string scrubbed(std::string text, const std::vector<std::string>& values) {
    for (const std::string& v : values) {
        if (utf8Length(v) < 2) continue; // one character is part of too many words to stand for a person
        for (std::size_t at = text.find(v); at != std::string::npos; at = text.find(v, at + 1))
            text.replace(at, v.size(), kErasedMark);
    }
    return text;
}

std::vector<std::string> personalValues(const std::vector<Event>& events) {
    std::vector<std::string> values;
    for (const Event& e : events)
        for (const auto& [key, value] : e.fields)
            if (isPersonalField(key) && !value.empty() &&
                std::find(values.begin(), values.end(), value) == values.end())
                values.push_back(value);
    std::sort(values.begin(), values.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    return values;
}

bool hasErasure(const std::vector<Event>& events) {
    return std::any_of(events.begin(), events.end(), [](const Event& e) { return e.type == code(Action::Erase); });
}

Event redacted(Event e, const std::vector<std::string>& values) {
    for (auto& [key, value] : e.fields)
        value = isPersonalField(key) ? std::string() : scrubbed(std::move(value), values);
    return e;
}

} // namespace tousu::core
