#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands/commands.hpp"
#include "http/json/dictionary_dto.hpp"
#include "http/router.hpp"

namespace lianxin::cli {

int RunRoutes() {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : http::Routes()) {
        const auto access = r.guard.access;
        const char* name = access == http::Access::kPublic                    ? "public"
                           : access == http::Access::kSession                 ? "session"
                           : access == http::Access::kResident                ? "resident"
                           : access == http::Access::kAuthenticatedOrResident ? "authenticated_or_resident"
                                                                              : "authenticated";
        // permission: what the caller must hold on some org (OpenAPI x-permission); null when none is needed.
        nlohmann::json permission = nullptr;
        if (r.guard.permission) permission = std::string(core::auth::PermissionKey(*r.guard.permission));
        out.push_back({{"method", r.method},
                       {"path", r.pattern},
                       {"access", name},
                       {"permission", permission},
                       {"body", std::string(http::BodyName(r.body))},
                       {"summary", r.summary}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
}

int RunDictionaries() {
    std::cout << http::DictionariesJson().dump(2) << "\n";
    return 0;
}

}  // namespace lianxin::cli
