#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands/commands.hpp"
#include "http/router.hpp"

namespace lianxin::cli {

int RunRoutes() {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : http::Routes()) {
        const char* access = r.access == http::Access::kPublic    ? "public"
                             : r.access == http::Access::kSession ? "session"
                                                                  : "authenticated";
        out.push_back({{"method", r.method}, {"path", r.pattern}, {"access", access}, {"summary", r.summary},
                       {"json_body", r.json_body}, {"file_body", r.file_body}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
}

}  // namespace lianxin::cli
