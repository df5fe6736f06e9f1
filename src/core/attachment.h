// Files on a case (Action::Attach, Action::WithdrawAttachment): what may be attached, how a file is
// named by its content (SHA-256), and the attachments a case holds as its events say. The bytes are
// stored apart from the events (store/attachment_store.h); an event names them by their hash.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace tousu::core {

// Default limits (app::Attachments: an administrator changes them), and the size of the pieces the
// bytes are stored in, so that no SQLite value is huge and a new file writes only its own pages.
constexpr std::int64_t kMegabyte = 1024 * 1024;
constexpr int kDefaultMaxFileMegabytes = 25;
constexpr int kDefaultMaxCaseMegabytes = 200;
constexpr std::size_t kAttachmentChunkBytes = 256 * 1024;
constexpr std::size_t kMaxAttachmentNameLength = 120; // characters

// What the desk does with a file: shows it as a picture, plays it, or offers it to open.
enum class AttachmentKind { Image, Audio, Pdf, Document, Text };

struct Attachment {
    std::string sha256; // lowercase hex of the bytes: names them wherever they are stored
    std::string name, mediaType;
    std::int64_t size = 0;
    TimeMs at = 0;
    std::string by; // staff id
    bool withdrawn = false;
    std::string withdrawnReason;
};

// The media type for a file name by its extension (audio, images, PDF, office documents, plain
// text); nullopt for a type the desk does not take. heic is taken and shown as a file.
std::optional<std::string> mediaTypeForName(std::string_view name);
AttachmentKind attachmentKind(std::string_view mediaType);
// The extensions taken, for the file picker's filter and the refusal's message (".mp3,.amr,…").
std::string acceptedExtensions();
// Why a file name is refused (empty, too long, a path, control characters, a type not taken).
std::optional<Error> attachmentNameError(std::string_view name);
// 64 lowercase hex digits.
bool isSha256Hex(std::string_view s);

} // namespace tousu::core
