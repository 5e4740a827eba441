// Storage conformance of the log-in throttle keys on every backend (issue 15 defect 7): a key's state
// round-trips, an absent key is the zero state, a name's keys are found and lifted together, and quiet keys
// are pruned. Keys are hex text (a regression: raw blind-index bytes broke every log-in on PostgreSQL).
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

using core::auth::ThrottleState;

class ThrottleConformance : public Conformance {};

TEST_P(ThrottleConformance, KeysRoundTripAndAreLiftedPerName) {
    const std::string pair_a(64, 'a'), pair_b(64, 'b'), address(64, 'c'), name(64, 'd');
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Throttles().Put(pair_a, name, ThrottleState{5, 1000, 31000}));
        LX_CHECK(tx.Throttles().Put(pair_b, name, ThrottleState{6, 2000, 62000}));
        LX_CHECK(tx.Throttles().Put(address, "", ThrottleState{11, 2000, 0}));
        return tx.Throttles().Put(pair_a, name, ThrottleState{5, 1500, 31500});  // an update of the same key
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(a, tx.Throttles().Get(pair_a));
        EXPECT_EQ(a.failures, 5);
        EXPECT_EQ(a.last_failure_at, 1500);
        EXPECT_EQ(a.blocked_until, 31500);
        LX_ASSIGN(none, tx.Throttles().Get(std::string(64, 'e')));
        EXPECT_EQ(none.failures, 0);
        EXPECT_EQ(none.blocked_until, 0);
        LX_ASSIGN(until, tx.Throttles().BlockedUntilForName(name));
        EXPECT_EQ(until, 62000);
        return core::Ok();
    }));
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_CHECK(tx.Throttles().DeleteForName(name));
        return tx.Throttles().Prune(2001);  // the address key: last failure 2000, no wait
    }));
    ASSERT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(until, tx.Throttles().BlockedUntilForName(name));
        EXPECT_EQ(until, 0);
        LX_ASSIGN(b, tx.Throttles().Get(pair_b));
        EXPECT_EQ(b.failures, 0);
        LX_ASSIGN(addr, tx.Throttles().Get(address));
        EXPECT_EQ(addr.failures, 0) << "pruned";
        return core::Ok();
    }));
}

INSTANTIATE_TEST_SUITE_P(Backends, ThrottleConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
