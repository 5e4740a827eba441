#include "app/audit/audit.hpp"

namespace lianxin::app {

using core::ports::AuditEntry;

AuditEntry AuditFor(const core::auth::Actor& actor, std::int64_t at, std::string action, std::string object_type,
                    std::string object_id, std::string result) {
    AuditEntry e;
    e.at = at;
    e.actor_user_id = actor.user_id;
    e.actor_name = actor.display_name.empty() ? actor.username : actor.display_name;
    if (!actor.grants.empty()) {
        e.actor_org_id = actor.grants.front().org_id;
        e.actor_org_path = actor.grants.front().org_path;
    }
    e.ip = actor.ip;
    e.request_id = actor.request_id;
    e.action = std::move(action);
    e.object_type = std::move(object_type);
    e.object_id = std::move(object_id);
    e.result = std::move(result);
    return e;
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
    if (stop_) return core::Fail(core::MakeError(core::ErrorCode::kUnavailable, "storage.unavailable", "audit stopped"));
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
