#include "cli/gzip.h"

#include <zlib.h>

namespace tousu::cli {

namespace {

constexpr int kGzipWindow = 15 + 16; // zlib: 15-bit window, +16 selects the gzip wrapper

Bytef* input(std::string_view s) { return reinterpret_cast<Bytef*>(const_cast<char*>(s.data())); }

} // namespace

bool isGzip(std::string_view bytes) { return bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b'; }

std::string gzip(std::string_view bytes) {
    z_stream z{};
    deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, kGzipWindow, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())), '\0');
    z.next_in = input(bytes);
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

core::Result<std::string> gunzip(std::string_view bytes, std::size_t maxBytes) {
    z_stream z{};
    if (inflateInit2(&z, kGzipWindow) != Z_OK)
        return core::makeError(core::ErrorCode::Storage, "error.file_unreadable", "zlib");
    z.next_in = input(bytes);
    z.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    char chunk[1 << 16];
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(chunk);
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(chunk, sizeof chunk - z.avail_out);
        if (out.size() > maxBytes) rc = Z_MEM_ERROR;
    }
    inflateEnd(&z);
    if (out.size() > maxBytes)
        return core::makeError(core::ErrorCode::InvalidInput, "error.bundle_too_large", "inflated");
    if (rc != Z_STREAM_END)
        return core::makeError(core::ErrorCode::InvalidInput, "error.file_unreadable", z.msg ? z.msg : "truncated");
    return out;
}

} // namespace tousu::cli
