#include "present/html.h"

#include "present/i18n.h"

namespace tousu::present {

std::string html(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string pageStart(const std::string& title, const char* style) {
    return std::string("<!doctype html>\n<html lang=\"") + languageTag(language()) +
           "\"><head><meta charset=\"utf-8\"><title>" + html(title) + "</title><style>" + style +
           "</style></head><body>\n<p class=\"noprint\"><button onclick=\"print()\">" + html(tr("report.print")) +
           "</button></p>\n";
}

} // namespace tousu::present
