// Takes a registered service-quality case through the process in tests that need it further on:
// dispatched to 张伟 (s03) of network operations, then solved and fed back to the customer by phone.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "app/app.h"

namespace tousu::test {

inline void dispatchToNetwork(app::App& app, const std::string& id) {
    REQUIRE(app.cases().confirm(id, "sms", "").ok());
    REQUIRE(app.cases().classify(id, "service_quality", "", "").ok());
    REQUIRE(app.cases().dispatch(id, "network", "s03", app.clock().now() + core::kHourMs).ok());
}

inline void feedBack(app::App& app, const std::string& id) {
    dispatchToNetwork(app, id);
    REQUIRE(app.cases().investigate(id, "查").ok());
    REQUIRE(app.cases().proposeSolution(id, "换光猫").ok());
    REQUIRE(app.cases().implement(id, "已换").ok());
    REQUIRE(app.cases().feedback(id, "已恢复", "phone").ok());
}

} // namespace tousu::test
