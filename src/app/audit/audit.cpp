#include "app/audit/audit.hpp"

namespace lianxin::app {

using core::ports::AuditEntry;

AuditDraft AuditFor(const core::auth::Actor& actor, std::int64_t at, std::string action, std::string object_type,
                    std::string object_id, std::string result) {
    AuditEntry e;
    e.at = at;
    e.actor_user_id = actor.user_id;
    e.actor_name = actor.display_name.empty() ? actor.username : actor.display_name;
    e.ip = actor.ip;
    e.request_id = actor.request_id;
    e.action = std::move(action);
    e.object_type = std::move(object_type);
    e.object_id = std::move(object_id);
    e.result = std::move(result);
    return AuditDraft(actor, std::move(e));
}

AuditEntry AuditDraft::On(std::int64_t org_id, std::string org_path) && {
    e_.object_org_id = org_id;
    e_.object_org_path = std::move(org_path);
    // The actor's grant that covers the object (the deepest), else its first one.
    const core::auth::Grant* chosen = actor_.grants.empty() ? nullptr : &actor_.grants.front();
    bool covering = false;
    for (const auto& g : actor_.grants) {
        if (!core::org::InSubtree(e_.object_org_path, g.org_path)) continue;
        if (!covering || g.org_path.size() > chosen->org_path.size()) chosen = &g;
        covering = true;
    }
    if (chosen) {
        e_.actor_org_id = chosen->org_id;
        e_.actor_org_path = chosen->org_path;
    }
    return std::move(e_);
}

AuditEntry AuditDraft::On(const core::org::Org& org) && { return std::move(*this).On(org.id, org.path); }

AuditEntry AuditDraft::On(const std::vector<core::auth::Grant>& user_grants) && {
    std::vector<std::string> paths;
    for (const auto& g : user_grants) paths.push_back(g.org_path);
    std::string common = core::org::CommonAncestorPath(paths);
    auto ids = core::org::PathIds(common);
    if (ids.empty()) return std::move(*this).On(kTopOrg);
    return std::move(*this).On(ids.back(), std::move(common));
}

AuditEntry AuditDraft::On(const AuditOrg& org) && { return std::move(*this).On(org.id, org.path); }

AuditEntry AuditDraft::On(TopOrg) && { return std::move(*this).On(0, ""); }

AuditOrg ListedOrg(Context& ctx, const core::auth::Actor& actor, core::auth::Permission p, std::int64_t org_id) {
    AuditOrg out;
    // System scope: the name and path of an org, to file a row already authorized (orgs hold no member data).
    if (org_id) {
        auto st = ctx.db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
            LX_ASSIGN(org, tx.Orgs().Get(org_id));
            if (org) out = {org->id, org->path};
            return core::Ok();
        });
        if (st && out.id) return out;
    }
    auto roots = core::auth::ScopeRoots(actor, p);
    if (roots.empty()) return out;
    auto ids = core::org::PathIds(roots.front());
    return {ids.empty() ? 0 : ids.back(), roots.front()};
}

core::Status AppendAudit(Context& ctx, AuditEntry e) {
    if (ctx.audit_writer) return ctx.audit_writer->Append(std::move(e));
    // System scope: the audit writer appends to the one hash chain of every scope.
    return ctx.db.Write(core::ports::Scope::System(), [&](core::ports::Tx& tx) { return tx.Audit().Append(e); });
}

AuditWriter::AuditWriter(core::ports::Database& db) : db_(db), thread_([this] { Loop(); }) {}

AuditWriter::~AuditWriter() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    work_cv_.notify_all();
    thread_.join();
}

core::Status AuditWriter::Append(AuditEntry e) {
    auto slot = std::make_shared<Slot>();
    slot->entry = std::move(e);
    std::unique_lock lock(mu_);
    if (stop_)
        return core::Fail(core::MakeError(core::ErrorCode::kUnavailable, "storage.unavailable", "audit stopped"));
    queue_.push_back(slot);
    work_cv_.notify_one();
    done_cv_.wait(lock, [&] { return slot->done; });
    return slot->status;
}

void AuditWriter::AppendAsync(AuditEntry e, std::function<void(core::Status)> done) {
    auto slot = std::make_shared<Slot>();
    slot->entry = std::move(e);
    slot->on_done = std::move(done);
    {
        std::lock_guard lock(mu_);
        if (!stop_) {
            queue_.push_back(slot);
            work_cv_.notify_one();
            return;
        }
    }
    slot->on_done(core::Fail(core::MakeError(core::ErrorCode::kUnavailable, "storage.unavailable", "audit stopped")));
}

void AuditWriter::Loop() {
    std::unique_lock lock(mu_);
    for (;;) {
        work_cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
        if (queue_.empty() && stop_) return;
        std::deque<std::shared_ptr<Slot>> batch;
        batch.swap(queue_);
        lock.unlock();
        // System scope: the audit writer appends to the one hash chain of every scope.
        core::Status st = db_.Write(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
            for (auto& slot : batch) LX_CHECK(tx.Audit().Append(slot->entry));
            return core::Ok();
        });
        for (auto& slot : batch)
            if (slot->on_done) slot->on_done(st);
        lock.lock();
        for (auto& slot : batch) {
            slot->status = st;
            slot->done = true;
        }
        done_cv_.notify_all();
    }
}

}  // namespace lianxin::app
