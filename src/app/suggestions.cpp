// Suggestions (意见建议): each change writes the whole record as a ref.suggestion event, so the
// last writer wins everywhere, like the other reference data (store/case_store.cpp).
#include <algorithm>

#include "app/context.h"
#include "app/errors.h"
#include "app/suggestions.h"
#include "core/validate.h"
#include "store/queries.h"

namespace tousu::app {

core::Result<std::string> Suggestions::add(const std::string& source, const std::string& content) {
    if (auto refused = m_ctx.cannotWrite()) return *refused;
    if (!oneOf(source, kSources)) return fieldError("error.required", "suggestion_source", source);
    if (auto e = textError("suggestion_content", content, true, kMaxSuggestionLength)) return invalid({*e});
    const std::string id = m_ctx.ids.uuid();
    if (auto st = m_ctx.recordReference("ref.suggestion", {{"id", id},
                                                           {"source", source},
                                                           {"author", m_ctx.actor.staffId},
                                                           {"content", content},
                                                           {"status", "new"},
                                                           {"note", ""},
                                                           {"created_at", std::to_string(m_ctx.clock.now())}});
        !st)
        return st.error();
    return id;
}

core::Status Suggestions::setStatus(const std::string& id, const std::string& status) {
    if (auto refused = m_ctx.cannotWrite()) return *refused;
    if (!oneOf(status, kStatuses)) return fieldError("error.required", "suggestion_status", status);
    const auto all = list();
    const auto it = std::find_if(all.begin(), all.end(), [&](const core::Suggestion& s) { return s.id == id; });
    if (it == all.end()) return core::makeError(core::ErrorCode::NotFound, "error.suggestion_not_found", id);
    if (it->status == status) return core::Ok{};
    return m_ctx.recordReference("ref.suggestion", {{"id", id},
                                                    {"source", it->source},
                                                    {"author", it->author},
                                                    {"content", it->content},
                                                    {"status", status},
                                                    {"note", it->note},
                                                    {"created_at", std::to_string(it->createdAt)}});
}

std::vector<core::Suggestion> Suggestions::list(core::TimeMs from, core::TimeMs to) const {
    return m_ctx.orFault(store::suggestions(*m_ctx.db, from, to));
}

} // namespace tousu::app
