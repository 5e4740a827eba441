// Every policy key of the catalogue has its name and description in both languages, and every unit and choice
// its label (issue 16 "Rules that check themselves"; docs/contributing.md "Adding a policy key"): a key added to
// core/policy/catalogue.cpp without its messages fails here instead of showing the generic message.
#include <gtest/gtest.h>

#include "core/policy/catalogue.hpp"
#include "http/messages.hpp"

namespace lianxin::http {
namespace {

TEST(PolicyMessages, EveryCatalogueKeyIsNamedAndDescribed) {
    for (const auto& s : core::policy::Catalogue()) {
        const std::string key(s.key);
        EXPECT_TRUE(HasMessage("policy.name." + key)) << key;
        EXPECT_TRUE(HasMessage("policy.desc." + key)) << key;
        if (!s.unit.empty()) { EXPECT_TRUE(HasMessage("policy.unit." + std::string(s.unit))) << key; }
        for (const auto& c : s.choices) {
            EXPECT_TRUE(HasMessage("policy.choice." + std::string(c))) << key << " " << c;
        }
    }
}

}  // namespace
}  // namespace lianxin::http
