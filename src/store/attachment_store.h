// The bytes of the files on cases (core/attachment.h), named by their SHA-256 and kept in pieces of
// core::kAttachmentChunkBytes, so no SQLite value is huge and storing a file writes only its own
// pages. Events name files; a file stored once serves every case that names it. The caller holds
// the transaction, so a file is stored with the event that attaches it, or not at all.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tousu::store {

class Database;

// Whether the whole file is stored.
core::Result<bool> hasAttachment(const Database& db, const std::string& sha256);
// Stores `bytes` under `sha256` (which the caller checked is theirs); nothing when already stored.
// Returns whether it stored them (false: they were there).
core::Result<bool> storeAttachment(Database& db, const std::string& sha256, std::string_view bytes);
// The whole file; NotFound (error.attachment_missing) when it is not stored.
core::Result<std::string> readAttachment(const Database& db, const std::string& sha256);
// Of `sha256s`, those stored.
core::Result<std::vector<std::string>> storedAttachments(const Database& db, const std::vector<std::string>& sha256s);
// Drops the bytes of erased customers' files: those attach events of erased cases name and no other
// case's does (after an erasure, and bytes that arrived for such a case). A file no event names yet is
// kept: live sync may bring it before its event. Returns how many files.
core::Result<int> dropErasedAttachments(Database& db);

} // namespace tousu::store
