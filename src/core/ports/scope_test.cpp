// The scope a transaction names (security.md A6): the union of the subtrees of all the actor's grants, nested
// roots folded; no grant is no rows, never everything.
#include "core/ports/scope.hpp"

#include <gtest/gtest.h>

namespace lianxin::core::ports {

TEST(Scope, OfActorIsTheUnionOfAllGrantSubtreesNestedRootsFolded) {
    auth::Actor a;
    a.grants = {{1, auth::Role::kOrgAdmin, 5, "/1/5/", ""},
                {2, auth::Role::kAuditAdmin, 9, "/1/5/9/", ""},
                {3, auth::Role::kMember, 7, "/1/7/", ""}};
    auto s = Scope::Of(a);
    EXPECT_FALSE(s.system());
    EXPECT_EQ(s.roots(), (std::vector<std::string>{"/1/5/", "/1/7/"}));
}

TEST(Scope, NoGrantIsNoRowsAndSystemIsEveryRow) {
    auto none = Scope::Of(auth::Actor{});
    EXPECT_FALSE(none.system());
    EXPECT_TRUE(none.roots().empty());
    EXPECT_TRUE(Scope::System().system());
    EXPECT_EQ(Scope::Paths({"/1/50/", "", "/1/5/"}).roots(), (std::vector<std::string>{"/1/5/", "/1/50/"}));
}

}  // namespace lianxin::core::ports
