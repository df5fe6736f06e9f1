// A store source that includes ImGui: the layering test must refuse it.
#include <imgui.h>
