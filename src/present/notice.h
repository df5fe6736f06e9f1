// The customer education page 投诉须知 (七、培训与宣传): how to complain, what happens, how long
// each step may take and the customer's rights — generated from the office's configured policies,
// so the printed page always promises what the desk enforces. One self-contained printable HTML page.
#pragma once
#include <string>

namespace tousu::app {
class App;
}

namespace tousu::present {

std::string customerNoticeHtml(const app::App& app);

} // namespace tousu::present
