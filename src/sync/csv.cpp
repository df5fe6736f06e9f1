#include "sync/csv.h"

namespace tousu::sync {

namespace {

// Whether a spreadsheet could run the cell as a formula: it skips leading white space, and takes the
// full-width ＝ ＋ － ＠ a Chinese input method types as the ASCII ones.
bool looksLikeFormula(const std::string& value) {
    const std::size_t start = value.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return false;
    if (start > 0 || std::string("=+-@").find(value[start]) != std::string::npos) return true;
    for (const char* wide : {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D", "\xEF\xBC\xA0"})
        if (value.compare(start, 3, wide) == 0) return true;
    return false;
}

} // namespace

std::string csvField(const std::string& value) {
    const bool formula = looksLikeFormula(value);
    const std::string v = formula ? "'" + value : value;
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string quoted = "\"";
    for (char c : v) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

void appendCsvRow(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        out += csvField(cells[i]);
    }
    out += "\r\n";
}

} // namespace tousu::sync
