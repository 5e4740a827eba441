// The message catalogue has one entry per key (issue 16 note 2, "Noticed and left alone": the catalogue took
// duplicate keys silently, and the lost-contact rename briefly made two member.due.lost_contact). The tables of
// messages*.cpp are merged first-wins, so a second entry of a key would never be shown; this fails naming it.
#include <gtest/gtest.h>

#include "http/messages.hpp"

namespace lianxin::http {
namespace {

TEST(MessageCatalogue, NoKeyIsWrittenTwice) {
    const auto duplicates = DuplicateCatalogueKeys();
    std::string names;
    for (const auto& d : duplicates) names += d + "; ";
    EXPECT_TRUE(duplicates.empty()) << names;
}

}  // namespace
}  // namespace lianxin::http
