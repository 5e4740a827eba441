// The search for lost-contact members (migration 0016): append-only entries, read newest first.
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::ports::LostContactRecord;

core::Result<std::vector<LostContactRecord>> SqlLostContactRepo::OfMember(std::int64_t member_id) {
    LX_ASSIGN(rows, c_.Query("SELECT id, member_id, on_date, method, searched_by, result, found, actor_user_id, "
                             "actor_name, recorded_at FROM lost_contact_searches WHERE member_id = $1 "
                             "ORDER BY on_date DESC, id DESC",
                             {member_id}));
    std::vector<LostContactRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        LostContactRecord rec;
        rec.id = rows.Int(r, 0);
        rec.member_id = rows.Int(r, 1);
        rec.search.on = Date::Parse(rows.Text(r, 2)).value_or(Date());
        rec.search.method =
            core::member::ParseLostContactMethod(rows.Text(r, 3)).value_or(core::member::LostContactMethod::kOther);
        rec.search.searched_by = rows.Text(r, 4);
        rec.search.result = rows.Text(r, 5);
        rec.search.found = rows.Int(r, 6) == 1;
        rec.actor_user_id = rows.Int(r, 7);
        rec.actor_name = rows.Text(r, 8);
        rec.recorded_at = rows.Int(r, 9);
        out.push_back(std::move(rec));
    }
    return out;
}

core::Result<std::int64_t> SqlLostContactRepo::Append(const LostContactRecord& r) {
    const auto& s = r.search;
    LX_ASSIGN(rows,
              c_.Query("INSERT INTO lost_contact_searches (member_id, on_date, method, searched_by, result, found, "
                       "actor_user_id, actor_name, recorded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id",
                       {r.member_id, s.on.ToString(), std::string(core::member::ToString(s.method)), s.searched_by,
                        s.result, std::int64_t{s.found ? 1 : 0}, r.actor_user_id, r.actor_name, r.recorded_at}));
    return rows.Int(0, 0);
}

}  // namespace lianxin::storage
