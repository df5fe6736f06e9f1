// The screens use the presentation library (src/present: strings, formats, names) unqualified, as
// if it were part of ui; it lives below ui so that the CLI shares it without ImGui.
#pragma once

namespace tousu::present {}
namespace tousu::ui {
using namespace tousu::present;
}
