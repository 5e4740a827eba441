#include "core/ports/scope.hpp"

#include <algorithm>

#include "core/org/org.hpp"

namespace lianxin::core::ports {

Scope Scope::Of(const auth::Actor& actor) {
    std::vector<std::string> paths;
    for (const auto& g : actor.grants) paths.push_back(g.org_path);
    return Paths(std::move(paths));
}

Scope Scope::Paths(std::vector<std::string> roots) {
    std::sort(roots.begin(), roots.end());
    std::vector<std::string> minimal;
    for (const auto& r : roots)
        if (!r.empty() && (minimal.empty() || !org::InSubtree(r, minimal.back()))) minimal.push_back(r);
    return Scope(false, std::move(minimal));
}

Scope Scope::System() { return Scope(true, {}); }

}  // namespace lianxin::core::ports
