// Suggestions (意见建议): each change writes the whole record as a ref.suggestion event, so the
// last writer wins everywhere, like the other reference data (store/case_store.cpp).
#include <algorithm>
#include <iterator>

#include "app/app.h"
#include "core/validate.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/statement.h"

namespace tousu::app {

namespace {

constexpr std::size_t kMaxSuggestionLength = 2000;

bool oneOf(const std::string& value, const auto& codes) {
    return std::find(std::begin(codes), std::end(codes), value) != std::end(codes);
}

core::Error fieldError(const char* key, const char* field, std::string detail = {}) {
    core::Error e = core::makeError(core::ErrorCode::InvalidInput, "error.invalid_input");
    e.fieldErrors.push_back(core::makeError(core::ErrorCode::InvalidInput, key, std::move(detail), field));
    return e;
}

} // namespace

core::Result<std::string> App::addSuggestion(const std::string& source, const std::string& content) {
    if (m_readOnly) return core::makeError(core::ErrorCode::NotAllowed, "error.read_only");
    if (!oneOf(source, kSuggestionSources)) return fieldError("error.required", "suggestion_source", source);
    if (content.find_first_not_of(" \t\r\n") == std::string::npos) return fieldError("error.required", "suggestion_content");
    if (core::utf8Length(content) > kMaxSuggestionLength) return fieldError("error.too_long", "suggestion_content");
    store::Transaction tx(m_db->handle());
    const core::Event e = newEvent("", "ref.suggestion", {},
                                   {{"id", m_ids.uuid()}, {"source", source}, {"author", m_actor.staffId}, {"content", content},
                                    {"status", "new"}, {"note", ""}, {"created_at", std::to_string(m_clock.now())}});
    if (auto r = m_store->insertEvents({e}); !r) return r.error();
    if (auto st = tx.commit(); !st) return st.error();
    ++m_revision;
    return core::getField(e.fields, "id");
}

core::Status App::setSuggestionStatus(const std::string& id, const std::string& status) {
    if (m_readOnly) return core::makeError(core::ErrorCode::NotAllowed, "error.read_only");
    if (!oneOf(status, kSuggestionStatuses)) return fieldError("error.required", "suggestion_status", status);
    const auto all = suggestions();
    const auto it = std::find_if(all.begin(), all.end(), [&](const store::Suggestion& s) { return s.id == id; });
    if (it == all.end()) return core::makeError(core::ErrorCode::NotFound, "error.suggestion_not_found", id);
    if (it->status == status) return core::Ok{};
    store::Transaction tx(m_db->handle());
    const core::Event e = newEvent("", "ref.suggestion", {},
                                   {{"id", id}, {"source", it->source}, {"author", it->author}, {"content", it->content},
                                    {"status", status}, {"note", it->note}, {"created_at", std::to_string(it->createdAt)}});
    if (auto r = m_store->insertEvents({e}); !r) return r.error();
    if (auto st = tx.commit(); !st) return st;
    ++m_revision;
    return core::Ok{};
}

std::vector<store::Suggestion> App::suggestions(core::TimeMs from, core::TimeMs to) const {
    return store::suggestions(*m_db, from, to);
}

} // namespace tousu::app
