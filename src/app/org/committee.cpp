#include "app/org/committee.hpp"

#include "app/audit/audit.hpp"
#include "app/org/org_queries.hpp"
#include "core/member/fields.hpp"

namespace lianxin::app {

using core::ErrorCode;
using core::auth::Permission;
using core::org::Post;
using core::ports::Tx;

namespace {
bool SingleHolder(Post p) { return p == Post::kSecretary || p == Post::kDeputySecretary; }
}  // namespace

core::Result<CommitteeView> GetCommittee(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                         const core::Date& as_of) {
    CommitteeView v;
    LX_CHECK(ctx.db.Read(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kMemberRead));
        // A branch is sized by its own members; a general branch or a committee by its whole membership (§1.2).
        LX_ASSIGN(headcount, core::org::IsBranchType(org.type) ? tx.Orgs().Headcount(org_id, as_of)
                                                               : tx.Orgs().SubtreeHeadcount(org.path, as_of));
        LX_ASSIGN(posts, tx.Orgs().Posts(org_id, as_of));
        LX_ASSIGN(units, tx.Groups().Units(org_id, as_of));
        v.covered_units = static_cast<int>(units.size());
        v.org = std::move(org);
        v.headcount = headcount;
        v.posts = std::move(posts);
        return core::Ok();
    }));
    core::org::SizingFacts facts;
    facts.headcount = v.headcount;
    facts.committee_seats = static_cast<int>(v.posts.size());
    facts.covered_units = v.covered_units;
    v.warnings = core::org::CheckSizing(v.org.type, facts);
    v.suggested_type = core::org::SuggestType(v.headcount);
    if (!v.posts.empty()) {
        v.term = core::org::Term{v.posts.front().term_start, core::org::TermYears(v.org.type, v.org.place_kind), 0};
        if (auto due = core::org::CheckTermDue(*v.term, as_of)) v.warnings.push_back(*due);
    }
    return v;
}

core::Result<std::int64_t> AppointPost(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                       const PostInput& in) {
    const auto today = ctx.clock.Today();
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    auto post = core::org::ParsePost(in.post);
    if (!post) errors.WithField("post", "org.post.unknown");
    auto from = core::member::CheckDate(in.valid_from, today, "valid_from", errors);
    auto term = in.term_start.empty() ? from : core::member::CheckDate(in.term_start, today, "term_start", errors);
    core::member::CheckText(in.approval_doc, 0, 50, "approval_doc", errors);
    if (term && from && *term > *from) errors.WithField("term_start", "org.post.term_after_start");
    if (!errors.fields.empty()) return core::Fail(errors);
    std::int64_t id = 0;
    LX_CHECK(ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kMemberWrite));
        LX_CHECK(core::org::CheckAppointment(*post, in.approval_doc));
        LX_ASSIGN(m, tx.Members().Get(in.member_id));
        if (!m || m->left_on || !core::org::InSubtree(m->org_path, org.path))
            return core::Fail(core::InvalidField("member_id", "member.not_in_scope"));
        LX_ASSIGN(current, tx.Orgs().Posts(org_id, *from));
        for (const auto& p : current) {
            if (p.member_id == m->id && p.post == *post)
                return core::Fail(core::MakeError(ErrorCode::kConflict, "org.post.held"));
            if (SingleHolder(*post) && p.post == *post) LX_CHECK(tx.Orgs().EndPost(p.id, *from));
        }
        core::ports::OrgPost p;
        p.org_id = org_id;
        p.member_id = m->id;
        p.post = *post;
        p.term_start = *term;
        p.valid_from = *from;
        p.approval_doc = in.approval_doc;
        const auto now = ctx.clock.NowMillis();
        LX_ASSIGN(new_id, tx.Orgs().InsertPost(p, actor.user_id, now));
        id = new_id;
        auto entry = AuditFor(actor, now, "org.post.appoint", "org", std::to_string(org_id)).On(org);
        entry.detail = "post=" + std::string(core::org::ToString(*post));
        entry.subject_member_id = m->id;
        return tx.Audit().Append(entry);
    }));
    return id;
}

core::Status EndPost(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id, std::int64_t post_id,
                     const std::string& on) {
    core::Error errors = core::MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    auto end = core::member::CheckDate(on, ctx.clock.Today(), "on", errors);
    if (!errors.fields.empty()) return core::Fail(errors);
    return ctx.db.Write(core::ports::Scope::Of(actor), [&](Tx& tx) -> core::Status {
        LX_ASSIGN(org, VisibleOrg(tx, actor, org_id, Permission::kMemberWrite));
        LX_ASSIGN(p, tx.Orgs().GetPost(post_id));
        if (!p || p->org_id != org_id) return core::Fail(core::NotFound("post"));
        if (*end <= p->valid_from) return core::Fail(core::InvalidField("on", "org.post.end_before_start"));
        LX_CHECK(tx.Orgs().EndPost(post_id, *end));
        auto entry = AuditFor(actor, ctx.clock.NowMillis(), "org.post.end", "org", std::to_string(org_id)).On(org);
        entry.detail = "post_id=" + std::to_string(post_id);
        entry.subject_member_id = p->member_id;
        return tx.Audit().Append(entry);
    });
}

}  // namespace lianxin::app
