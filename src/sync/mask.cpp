#include "sync/mask.h"

#include <functional>

#include "core/sha256.h"
#include "core/validate.h"

namespace tousu::sync {

namespace {

std::string firstCharacter(const std::string& s) {
    std::size_t n = 1;
    while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
    return s.substr(0, n);
}

void replace(core::Fields& f, const char* key, const std::function<std::string(const std::string&)>& mask) {
    if (auto it = f.find(key); it != f.end() && !it->second.empty()) it->second = mask(it->second);
}

} // namespace

void maskPersonalData(std::vector<core::Event>& events, const std::string& secret) {
    for (core::Event& e : events) {
        replace(e.fields, "customer_name", [](const std::string& name) { return firstCharacter(name) + "*"; });
        replace(e.fields, "phone", core::maskPhone);
        replace(e.fields, "account", core::maskAccount);
        replace(e.fields, "customer_key",
                [&](const std::string& key) { return "anon-" + core::sha256Hex(secret + "\n" + key).substr(0, 20); });
    }
}

} // namespace tousu::sync
