#include "platform/web/web_keys.h"

namespace tousu::platform::web {

ImGuiKey keyFromDomKeyCode(int k, int location) {
    const bool right = location == 2;
    if (k >= 65 && k <= 90) return static_cast<ImGuiKey>(ImGuiKey_A + (k - 65));
    if (k >= 48 && k <= 57) return static_cast<ImGuiKey>(ImGuiKey_0 + (k - 48));
    if (k >= 96 && k <= 105) return static_cast<ImGuiKey>(ImGuiKey_Keypad0 + (k - 96));
    if (k >= 112 && k <= 123) return static_cast<ImGuiKey>(ImGuiKey_F1 + (k - 112));
    switch (k) {
    case 8:
        return ImGuiKey_Backspace;
    case 9:
        return ImGuiKey_Tab;
    case 13:
        return location == 3 ? ImGuiKey_KeypadEnter : ImGuiKey_Enter;
    case 16:
        return right ? ImGuiKey_RightShift : ImGuiKey_LeftShift;
    case 17:
        return right ? ImGuiKey_RightCtrl : ImGuiKey_LeftCtrl;
    case 18:
        return right ? ImGuiKey_RightAlt : ImGuiKey_LeftAlt;
    case 19:
        return ImGuiKey_Pause;
    case 20:
        return ImGuiKey_CapsLock;
    case 27:
        return ImGuiKey_Escape;
    case 32:
        return ImGuiKey_Space;
    case 33:
        return ImGuiKey_PageUp;
    case 34:
        return ImGuiKey_PageDown;
    case 35:
        return ImGuiKey_End;
    case 36:
        return ImGuiKey_Home;
    case 37:
        return ImGuiKey_LeftArrow;
    case 38:
        return ImGuiKey_UpArrow;
    case 39:
        return ImGuiKey_RightArrow;
    case 40:
        return ImGuiKey_DownArrow;
    case 45:
        return ImGuiKey_Insert;
    case 46:
        return ImGuiKey_Delete;
    case 91:
    case 92:
    case 93:
    case 224:
        return right ? ImGuiKey_RightSuper : ImGuiKey_LeftSuper;
    case 106:
        return ImGuiKey_KeypadMultiply;
    case 107:
        return ImGuiKey_KeypadAdd;
    case 109:
        return ImGuiKey_KeypadSubtract;
    case 110:
        return ImGuiKey_KeypadDecimal;
    case 111:
        return ImGuiKey_KeypadDivide;
    case 144:
        return ImGuiKey_NumLock;
    case 145:
        return ImGuiKey_ScrollLock;
    case 186:
    case 59:
        return ImGuiKey_Semicolon;
    case 187:
    case 61:
        return ImGuiKey_Equal;
    case 188:
        return ImGuiKey_Comma;
    case 189:
    case 173:
        return ImGuiKey_Minus;
    case 190:
        return ImGuiKey_Period;
    case 191:
        return ImGuiKey_Slash;
    case 192:
        return ImGuiKey_GraveAccent;
    case 219:
        return ImGuiKey_LeftBracket;
    case 220:
        return ImGuiKey_Backslash;
    case 221:
        return ImGuiKey_RightBracket;
    case 222:
        return ImGuiKey_Apostrophe;
    default:
        return ImGuiKey_None;
    }
}

} // namespace tousu::platform::web
