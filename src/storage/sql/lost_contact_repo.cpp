// The search for lost-contact members (migration 0016): append-only entries, read newest first. Rows are read
// and bound by name through one column list (storage/sql/columns.hpp).
#include "storage/sql/sql_repos.hpp"

namespace lianxin::storage {

using core::Date;
using core::ports::LostContactRecord;

namespace {
constexpr std::string_view kLostContactNames[] = {"id",     "member_id", "on_date",       "method",     "searched_by",
                                                  "result", "found",     "actor_user_id", "actor_name", "recorded_at"};
constexpr Columns kLostContact{"lost_contact_searches", kLostContactNames};

LostContactRecord FromRow(const SqlRow& row) {
    LostContactRecord rec;
    rec.id = row.Int("id");
    rec.member_id = row.Int("member_id");
    rec.search.on = DateOf(row, "on_date");
    rec.search.method =
        core::member::ParseLostContactMethod(row.Text("method")).value_or(core::member::LostContactMethod::kOther);
    rec.search.searched_by = row.Text("searched_by");
    rec.search.result = row.Text("result");
    rec.search.found = row.Int("found") == 1;
    rec.actor_user_id = row.Int("actor_user_id");
    rec.actor_name = row.Text("actor_name");
    rec.recorded_at = row.Int("recorded_at");
    return rec;
}
}  // namespace

const Columns& LostContactColumns() { return kLostContact; }

core::Result<std::vector<LostContactRecord>> SqlLostContactRepo::OfMember(std::int64_t member_id) {
    LX_ASSIGN(rows, c_.Query("SELECT " + kLostContact.Select() +
                                 " FROM lost_contact_searches WHERE member_id = $1 ORDER BY on_date DESC, id DESC",
                             {member_id}));
    std::vector<LostContactRecord> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(FromRow(rows.Row(r)));
    return out;
}

core::Result<std::int64_t> SqlLostContactRepo::Append(const LostContactRecord& r) {
    const auto& s = r.search;
    SqlValues v(kLostContact);
    v.Set("member_id", r.member_id).Set("on_date", s.on.ToString());
    v.Set("method", std::string(core::member::ToString(s.method))).Set("searched_by", s.searched_by);
    v.Set("result", s.result).Set("found", std::int64_t{s.found ? 1 : 0});
    v.Set("actor_user_id", r.actor_user_id).Set("actor_name", r.actor_name).Set("recorded_at", r.recorded_at);
    LX_ASSIGN(rows, c_.Query(v.Insert() + " RETURNING id", v.Params()));
    return rows.Row(0).Int("id");
}

}  // namespace lianxin::storage
