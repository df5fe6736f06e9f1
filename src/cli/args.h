// A small argument reader for tousu-cli: positionals and --name value / --flag options.
#pragma once
#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace tousu::cli {

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;       // "--cases" -> "1000"; flags map to "1"; the last wins
    std::multimap<std::string, std::string> repeated; // every value of every option, in order
    bool help = false;

    bool has(const std::string& name) const { return options.count(name) > 0; }
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
            a.options[s] = isFlag || i + 1 >= argc ? "1" : argv[++i];
            a.repeated.emplace(s, a.options[s]);
        } else
            a.positional.push_back(s);
    }
    return a;
}

} // namespace tousu::cli
