// What the desk's printable pages share (the customer notice, the review report, the case file):
// text escaped for HTML, and a page's head with its print button.
#pragma once
#include <string>

namespace tousu::present {

// `s` safe between tags and inside attribute values.
std::string html(const std::string& s);
// <!doctype html> … <body> with the title, the page's own style, and a print button that is not printed.
std::string pageStart(const std::string& title, const char* style);

} // namespace tousu::present
