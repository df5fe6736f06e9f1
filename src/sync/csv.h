// CSV that Excel opens correctly: UTF-8 with a byte-order mark (without it Excel reads Chinese as
// mojibake), CRLF line ends, fields quoted when they hold a comma, quote or line break, and cells
// that would start a formula (= + - @, tab, CR) prefixed with an apostrophe so a complaint's text
// can never run as a formula in the reader's spreadsheet.
#pragma once
#include <string>
#include <vector>

namespace tousu::sync {

constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

std::string csvField(const std::string& value);
void appendCsvRow(std::string& out, const std::vector<std::string>& cells);

} // namespace tousu::sync
