// Registering one existing party member by hand (党员登记, issue 4: members who join the registry outside the
// development pipeline — a branch entering its roll for the first time, one at a time). The same rules as a sheet
// row (core/member/import_row.hpp: ID checksum, sex and birth date against the ID, 18 at joining, conversion at the
// end of probation, category from the dates) — the form is one row of the import template, so a person registered
// by hand and one imported are checked alike. member_write on the branch; audited (member.create).
#pragma once

#include <map>
#include <string>

#include "app/context.hpp"
#include "core/auth/actor.hpp"

namespace lianxin::app {

struct RegisterInput {
    std::int64_t org_id = 0;  // the branch
    // By field key (core/member/import_sheet.hpp): name, sex (男/女), ethnicity, birth_date, id_number, phone,
    // education, join_date, conversion_date, category (正式党员/预备党员), work_unit, address, skills.
    std::map<std::string, std::string> fields;
};

// The new member's id. 400 naming each wrong field; 409 "member.exists" (field id_number) when the ID number is in
// the registry of the branch's subtree, 400 when it is registered elsewhere or in the development pipeline.
core::Result<std::int64_t> RegisterMember(Context& ctx, const core::auth::Actor& actor, const RegisterInput& in);

}  // namespace lianxin::app
