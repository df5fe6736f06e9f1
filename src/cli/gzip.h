// gzip for bundle files: `export … OUT.json.gz` compresses, `import` inflates what starts with the
// gzip magic bytes (the browser does the same with DecompressionStream).
#pragma once
#include <string>
#include <string_view>

#include "core/result.h"

namespace tousu::cli {

bool isGzip(std::string_view bytes);
std::string gzip(std::string_view bytes);
// Refuses to inflate past `maxBytes` (a small file can claim gigabytes).
core::Result<std::string> gunzip(std::string_view bytes, std::size_t maxBytes);

} // namespace tousu::cli
