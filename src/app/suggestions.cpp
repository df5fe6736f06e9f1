// Suggestions (意见建议): each change writes the whole record as a ref.suggestion event, so the
// last writer wins everywhere, like the other reference data (store/case_store.cpp).
#include <algorithm>

#include "app/app.h"
#include "app/errors.h"
#include "core/validate.h"
#include "store/queries.h"

namespace tousu::app {

namespace {

constexpr std::size_t kMaxSuggestionLength = 2000;

} // namespace

core::Result<std::string> App::addSuggestion(const std::string& source, const std::string& content) {
    if (auto refused = cannotWrite()) return *refused;
    if (!oneOf(source, kSuggestionSources)) return fieldError("error.required", "suggestion_source", source);
    if (auto e = textError("suggestion_content", content, true, kMaxSuggestionLength)) return invalid({*e});
    const std::string id = m_ids.uuid();
    if (auto st = recordReference("ref.suggestion", {{"id", id},
                                                     {"source", source},
                                                     {"author", m_actor.staffId},
                                                     {"content", content},
                                                     {"status", "new"},
                                                     {"note", ""},
                                                     {"created_at", std::to_string(m_clock.now())}});
        !st)
        return st.error();
    return id;
}

core::Status App::setSuggestionStatus(const std::string& id, const std::string& status) {
    if (auto refused = cannotWrite()) return *refused;
    if (!oneOf(status, kSuggestionStatuses)) return fieldError("error.required", "suggestion_status", status);
    const auto all = suggestions();
    const auto it = std::find_if(all.begin(), all.end(), [&](const core::Suggestion& s) { return s.id == id; });
    if (it == all.end()) return core::makeError(core::ErrorCode::NotFound, "error.suggestion_not_found", id);
    if (it->status == status) return core::Ok{};
    return recordReference("ref.suggestion", {{"id", id},
                                              {"source", it->source},
                                              {"author", it->author},
                                              {"content", it->content},
                                              {"status", status},
                                              {"note", it->note},
                                              {"created_at", std::to_string(it->createdAt)}});
}

std::vector<core::Suggestion> App::suggestions(core::TimeMs from, core::TimeMs to) const {
    return orFault(store::suggestions(*m_db, from, to));
}

} // namespace tousu::app
