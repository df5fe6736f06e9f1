// A small argument reader for tousu-cli: positionals and --name value / --flag options.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace tousu::cli {

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;   // "--cases" -> "1000"; flags map to "1"
    bool help = false;

    bool has(const std::string& name) const { return options.count(name) > 0; }
    std::string get(const std::string& name, const std::string& fallback = {}) const {
        const auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    }
};

// `flags` are options that take no value.
inline Args parseArgs(int argc, char** argv, int first, const std::vector<std::string>& flags) {
    Args a;
    for (int i = first; i < argc; ++i) {
        const std::string s = argv[i];
        if (s == "--help" || s == "-h") a.help = true;
        else if (s.rfind("--", 0) == 0) {
            bool isFlag = false;
            for (const auto& f : flags) isFlag = isFlag || f == s;
            if (isFlag || i + 1 >= argc) a.options[s] = "1";
            else a.options[s] = argv[++i];
        } else a.positional.push_back(s);
    }
    return a;
}

} // namespace tousu::cli
