#include "sync/csv.h"

namespace tousu::sync {

std::string csvField(const std::string& value) {
    const bool formula = !value.empty() && std::string("=+-@\t\r").find(value[0]) != std::string::npos;
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
