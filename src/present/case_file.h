// The printed case file 投诉处理单, for the paper archive (档案) and for an appeal file: one
// self-contained A4 page per case with the registration, the classification and dispatch, every
// deadline met or late, every entry of the timeline with its time and person (steps, notes, what
// the customer was told, corrections), the corrections again on their own, the attachments, the
// survey and follow-ups, and lines to sign. Contacts as the person printing sees them; in the current
// language. Several cases print as one page, each starting a new sheet.
#pragma once
#include <string>
#include <vector>

#include "core/result.h"

namespace tousu::app {
class App;
}

namespace tousu::present {

// The cases' files on one page, each starting a printed page.
core::Result<std::string> caseFileHtml(const app::App& app, const std::vector<std::string>& caseIds);
// "投诉处理单-TS-BJ01-20261128-0001.html"
std::string caseFileName(const std::string& number);

} // namespace tousu::present
