#include "core/attachment.h"

#include <algorithm>

namespace tousu::core {

namespace {

struct MediaType {
    std::string_view extension, type;
};

// What a complaint is decided on: recordings, pictures of a bill or a device, documents, texts.
constexpr MediaType kMediaTypes[] = {
    {"mp3", "audio/mpeg"},
    {"amr", "audio/amr"},
    {"wav", "audio/wav"},
    {"m4a", "audio/mp4"},
    {"aac", "audio/aac"},
    {"ogg", "audio/ogg"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"png", "image/png"},
    {"webp", "image/webp"},
    {"gif", "image/gif"},
    {"bmp", "image/bmp"},
    {"heic", "image/heic"},
    {"pdf", "application/pdf"},
    {"doc", "application/msword"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"xls", "application/vnd.ms-excel"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"ppt", "application/vnd.ms-powerpoint"},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {"wps", "application/vnd.ms-works"},
    {"odt", "application/vnd.oasis.opendocument.text"},
    {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
    {"txt", "text/plain"},
    {"csv", "text/csv"},
    {"eml", "message/rfc822"},
};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; });
    return out;
}

Error refuse(const char* key, std::string_view name) {
    return makeError(ErrorCode::InvalidInput, key, std::string(name.substr(0, 200)), "attachment");
}

} // namespace

std::optional<std::string> mediaTypeForName(std::string_view name) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return std::nullopt;
    const std::string extension = lower(name.substr(dot + 1));
    for (const MediaType& m : kMediaTypes)
        if (m.extension == extension) return std::string(m.type);
    return std::nullopt;
}

AttachmentKind attachmentKind(std::string_view mediaType) {
    if (mediaType == "image/heic") return AttachmentKind::Document; // no browser shows it: a file to open
    if (mediaType.substr(0, 6) == "image/") return AttachmentKind::Image;
    if (mediaType.substr(0, 6) == "audio/") return AttachmentKind::Audio;
    if (mediaType == "application/pdf") return AttachmentKind::Pdf;
    if (mediaType.substr(0, 5) == "text/") return AttachmentKind::Text;
    return AttachmentKind::Document;
}

std::string acceptedExtensions() {
    std::string out;
    for (const MediaType& m : kMediaTypes) out += (out.empty() ? "." : ",.") + std::string(m.extension);
    return out;
}

std::optional<Error> attachmentNameError(std::string_view name) {
    std::size_t characters = 0;
    for (const unsigned char c : name) {
        if (c < 0x20 || c == 0x7f) return refuse("error.attachment_name", name);
        if (c == '/' || c == '\\') return refuse("error.attachment_name", name);
        characters += (c & 0xC0) != 0x80;
    }
    if (name.empty() || name == "." || name == ".." || characters > kMaxAttachmentNameLength)
        return refuse("error.attachment_name", name);
    if (!mediaTypeForName(name)) return refuse("error.attachment_type", name);
    return std::nullopt;
}

bool isSha256Hex(std::string_view s) {
    return s.size() == 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

} // namespace tousu::core
