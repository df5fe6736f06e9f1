#include "core/version.h"

namespace tousu::core {
const char* version() { return TOUSU_VERSION; }
} // namespace tousu::core
