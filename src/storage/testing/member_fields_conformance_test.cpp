// Storage conformance of the member field specs on every backend (issue 16 "Each shape once", bullet 2): every
// registry field of core/member/field_spec.cpp is stored by Insert and by UpdateRegistry and read back by Get, so
// a field added to the spec without its column (or its migration on one engine) fails here
// (docs/contributing.md "Adding a member field").
#include "core/member/field_spec.hpp"
#include "storage/testing/conformance.hpp"

namespace lianxin::storage::testing {

class MemberFieldsConformance : public Conformance {
protected:
    core::member::Member Get(std::int64_t id) {
        core::member::Member m;
        EXPECT_TRUE(db().Read(core::ports::Scope::System(), [&](Tx& tx) -> core::Status {
            LX_ASSIGN(got, tx.Members().Get(id));
            if (!got) return core::Fail(core::NotFound("member"));
            m = std::move(got).value();
            return core::Ok();
        }));
        return m;
    }
};

// A value the spec accepts: the list's first (or last) code, or a text of the field's length.
std::string ValueFor(const core::member::FieldSpec& f, bool last) {
    if (*f.code_list) {
        const auto codes = core::member::CodesOf(f.code_list);
        return last ? codes.back() : codes.front();
    }
    return std::string(last ? "乙" : "甲") +
           std::string(static_cast<std::size_t>(std::min(f.max, 10) - 1), last ? 'b' : 'a');
}

TEST_P(MemberFieldsConformance, EveryRegistryFieldIsStoredAndReadBack) {
    const auto branch = AddOrg(AddOrg(0, "街道"), "支部");
    auto m = MakeMember(branch, "张三", "110105194912310029");
    for (const auto& f : core::member::MemberFields())
        if (f.registry) m.*f.registry = ValueFor(f, false);
    m.id = AddMember(m);
    auto stored = Get(m.id);
    for (const auto& f : core::member::MemberFields()) {
        if (f.registry) { EXPECT_EQ(stored.*f.registry, ValueFor(f, false)) << f.name << " after Insert"; }
    }
    for (const auto& f : core::member::MemberFields())
        if (f.registry) stored.*f.registry = ValueFor(f, true);
    ASSERT_TRUE(db().Write(core::ports::Scope::System(), [&](Tx& tx) { return tx.Members().UpdateRegistry(stored); }));
    const auto updated = Get(m.id);
    for (const auto& f : core::member::MemberFields()) {
        if (f.registry) { EXPECT_EQ(updated.*f.registry, ValueFor(f, true)) << f.name << " after UpdateRegistry"; }
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, MemberFieldsConformance, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace lianxin::storage::testing
