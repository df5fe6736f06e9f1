// The product version, from CMake's project() version.
#pragma once

namespace tousu::core {
const char* version();
} // namespace tousu::core
