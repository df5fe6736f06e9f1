// A small argument reader for tousu-cli: positionals and --name value / --flag options.
#pragma once
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tousu::cli {

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;       // "--cases" -> "1000"; flags map to "1"; the last wins
    std::multimap<std::string, std::string> repeated; // every value of every option, in order
    bool help = false;

    bool has(const std::string& name) const { return options.count(name) > 0; }
    // A whole number in [min, max] written in decimal digits only ("1e3", "3abc", "" and a value past
    // max are not numbers here: they were read as 1000, 3, 1 and a wrapped int before).
    std::optional<long long> integer(const std::string& name, long long min, long long max) const {
        const std::string text = get(name);
        if (text.empty() || text.size() > 18 ||
            !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        const long long v = std::stoll(text);
        if (v < min || v > max) return std::nullopt;
        return v;
    }
    std::string get(const std::string& name, const std::string& fallback = {}) const {
        const auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    }
    // Every value given for a repeatable option, commas also separating values.
    std::vector<std::string> all(const std::string& name) const {
        std::vector<std::string> out;
        for (auto [it, end] = repeated.equal_range(name); it != end; ++it)
            for (std::size_t start = 0; start <= it->second.size();) {
                const std::size_t comma = std::min(it->second.find(',', start), it->second.size());
                if (comma > start) out.push_back(it->second.substr(start, comma - start));
                start = comma + 1;
            }
        return out;
    }
};

// `flags` are options that take no value.
inline Args parseArgs(int argc, char** argv, int first, const std::vector<std::string>& flags) {
    Args a;
    for (int i = first; i < argc; ++i) {
        const std::string s = argv[i];
        if (s == "--help" || s == "-h")
            a.help = true;
        else if (s.rfind("--", 0) == 0) {
            bool isFlag = false;
            for (const auto& f : flags) isFlag = isFlag || f == s;
            // A value-taking option at the end has no value: "" (refused where a value is needed).
            a.options[s] = isFlag ? "1" : i + 1 < argc ? argv[++i] : "";
            a.repeated.emplace(s, a.options[s]);
        } else
            a.positional.push_back(s);
    }
    return a;
}

} // namespace tousu::cli
