// Run-time string tables: simplified Chinese first, English switchable at run time. The table is
// assets/i18n/strings.tsv (key, zh-CN, en), embedded at build time. Labels for interactive items
// carry a stable English id after "##" that does not change with the language.
#pragma once
#include <string>
#include <vector>

namespace tousu::present {

enum class Language { ZhCN, En };

void setLanguage(Language language);
Language language();
const char* languageTag(Language language); // "zh-CN", "en"

// Text for a key in the current language; the key itself if the table lacks it (visible, not blank).
const char* tr(const char* key);
const char* tr(const std::string& key);
// tr(prefix + "." + code), e.g. trCode("state", "archived") → "已归档".
const char* trCode(const char* prefix, const std::string& code);
// tr(key) with its one %d filled with n: trNumber("sync.new_cases", 3) → "新投诉 3 件".
std::string trNumber(const char* key, long long n);
// "text##id", for ImGui labels of interactive items.
std::string label(const char* key, const char* id);

struct StringRow {
    std::string key, zh, en;
};
const std::vector<StringRow>& stringTable();

} // namespace tousu::present
