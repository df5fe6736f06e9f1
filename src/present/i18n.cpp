#include "present/i18n.h"

#include <set>
#include <string_view>
#include <unordered_map>

namespace tousu::present {

namespace {

constexpr std::string_view kTable =
#include "strings_tsv.inc"
    ;

struct Tables {
    std::vector<StringRow> rows;
    std::unordered_map<std::string_view, const StringRow*> byKey;
};

std::vector<std::string_view> splitTabs(std::string_view line) {
    std::vector<std::string_view> fields;
    for (std::size_t start = 0;;) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) return fields;
        start = tab + 1;
    }
}

// A cell's text: a backslash and "n" in the table (one line per row) is a line break.
std::string cell(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
            out += '\n';
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

const Tables& tables() {
    static const Tables t = [] {
        Tables out;
        std::size_t pos = kTable.find('\n') + 1; // skip the header row
        while (pos < kTable.size()) {
            std::size_t end = kTable.find('\n', pos);
            if (end == std::string_view::npos) end = kTable.size();
            std::string_view line = kTable.substr(pos, end - pos);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            pos = end + 1;
            const auto f = splitTabs(line);
            if (f.size() >= 3) out.rows.push_back({std::string(f[0]), cell(f[1]), cell(f[2])});
        }
        for (const StringRow& r : out.rows) out.byKey.emplace(r.key, &r);
        return out;
    }();
    return t;
}

Language g_language = Language::ZhCN;

} // namespace

void setLanguage(Language language) { g_language = language; }
Language language() { return g_language; }
const char* languageTag(Language language) { return language == Language::ZhCN ? "zh-CN" : "en"; }

const char* tr(const char* key) { return tr(std::string(key)); }

const char* tr(const std::string& key) {
    const auto& byKey = tables().byKey;
    const auto it = byKey.find(key);
    if (it == byKey.end()) {
        static std::set<std::string> missing; // keys shown as themselves need stable storage
        return missing.insert(key).first->c_str();
    }
    return (g_language == Language::ZhCN ? it->second->zh : it->second->en).c_str();
}

const char* trCode(const char* prefix, const std::string& code) { return tr(std::string(prefix) + "." + code); }

std::string trNumber(const char* key, long long n) {
    const std::string text = tr(key);
    const std::size_t at = text.find("%d");
    return at == std::string::npos ? text : text.substr(0, at) + std::to_string(n) + text.substr(at + 2);
}

std::string label(const char* key, const char* id) { return std::string(tr(key)) + "##" + id; }

const std::vector<StringRow>& stringTable() { return tables().rows; }

} // namespace tousu::present
