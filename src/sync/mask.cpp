#include "sync/mask.h"

#include <functional>
#include <string_view>
#include <utility>

#include "core/amend.h"
#include "core/sha256.h"
#include "core/validate.h"

namespace tousu::sync {

namespace {

// The first n characters of s (UTF-8).
std::string firstCharacters(const std::string& s, int n) {
    std::size_t end = 0;
    for (int i = 0; i < n && end < s.size(); ++i)
        for (++end; end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80;) ++end;
    return s.substr(0, end);
}

// n***@host.tld: where a reply went, not to whom.
std::string maskEmail(const std::string& email) {
    const std::size_t at = email.find('@');
    return at == std::string::npos ? "***" : firstCharacters(email, 1) + "***" + email.substr(at);
}

} // namespace

void maskPersonalData(std::vector<core::Event>& events, const std::string& secret) {
    const std::pair<std::string_view, std::function<std::string(const std::string&)>> masks[] = {
        {"customer_name", [](const std::string& name) { return firstCharacters(name, 1) + "*"; }},
        {"phone", core::maskPhone},
        {"account", core::maskAccount},
        {"email", maskEmail},
        {"address", [](const std::string& address) { return firstCharacters(address, 6) + "＊＊"; }},
        {"customer_key",
         [&](const std::string& key) { return "anon-" + core::sha256Hex(secret + "\n" + key).substr(0, 20); }},
    };
    for (core::Event& e : events)
        for (auto& [key, value] : e.fields) {
            std::string_view field = key; // an amend's old value is masked as the value itself
            if (field.substr(0, core::kOldPrefix.size()) == core::kOldPrefix)
                field.remove_prefix(core::kOldPrefix.size());
            for (const auto& [name, mask] : masks)
                if (field == name && !value.empty()) value = mask(value);
        }
}

} // namespace tousu::sync
