// Suggestions about the process itself (意见建议, 八、总结与反馈机制): from staff or recorded for a
// customer; reference data, so they travel with sync bundles.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/read_models.h"
#include "core/result.h"

namespace tousu::app {

struct Context;

class Suggestions {
  public:
    explicit Suggestions(Context& ctx) : m_ctx(ctx) {}

    static constexpr const char* kSources[] = {"staff", "customer"};
    static constexpr const char* kStatuses[] = {"new", "accepted", "done", "declined"};
    core::Result<std::string> add(const std::string& source, const std::string& content);
    core::Status setStatus(const std::string& id, const std::string& status);
    std::vector<core::Suggestion> list(core::TimeMs from = 0, core::TimeMs to = INT64_MAX) const;

  private:
    Context& m_ctx;
};

} // namespace tousu::app
