// Reference data from outside may not change anyone's role, nor may an erasure come from anyone but
// an administrator (README, "Roles"). In the history this database and the incoming events make
// together, in (hlc, origin, id) order, a ref.staff event that gives someone another role than they
// had just before it — or a supervisor's or administrator's to someone new — and an erase event must
// be recorded by a person who was an administrator just before it. The defaults every desk starts
// with (Context::seedEvent) pass as they are, when they are this version's own.
#pragma once
#include <optional>
#include <vector>

#include "core/event.h"
#include "core/result.h"

namespace tousu::app {

// `local`: this database's ref.staff events; `incoming`: everything arriving, in its order (the first
// event at fault is named by its place there): error.role_change or error.erase_not_administrator;
// nothing is stored.
std::optional<core::Error> roleChangeError(const std::vector<core::Event>& local,
                                           const std::vector<core::Event>& incoming);

} // namespace tousu::app
