#include "app/audit/checkpoint_writer.hpp"

#include <chrono>

namespace lianxin::app {

CheckpointWriter::CheckpointWriter(Context& ctx, std::int64_t interval_millis,
                                   std::function<void(const std::string&)> report)
    : ctx_(ctx), interval_(interval_millis), report_(std::move(report)) {
    auto cp = ctx_.checkpoints->Load();
    if (cp) {
        last_ = *cp;
    } else {
        halted_ = true;
        report_("audit checkpoint " + ctx_.checkpoints->Where() + ": " + cp.error().detail +
                "; it is kept as it is and no new checkpoint is written (run lianxin check)");
    }
    thread_ = std::thread([this] { Loop(); });
}

CheckpointWriter::~CheckpointWriter() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
    Advance();
}

bool CheckpointWriter::Advance() {
    std::lock_guard guard(advance_mu_);
    if (halted_) return false;
    core::ports::AuditVerification v;
    auto st = ctx_.db.Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
        LX_ASSIGN(r, tx.Audit().Verify(last_ ? &*last_ : nullptr, last_.has_value()));
        v = std::move(r);
        return core::Ok();
    });
    if (!st) return false;  // the database is unavailable for a moment: try again at the next interval
    if (!v.ok) {
        halted_ = true;
        report_("audit chain: " + v.problem + " at row " + std::to_string(v.first_broken_id) + " (checkpoint " +
                std::to_string(last_ ? last_->head_id : 0) + "); the checkpoint " + ctx_.checkpoints->Where() +
                " is kept as it is and no new one is written (run lianxin check)");
        return false;
    }
    if (!v.last_id || (last_ && v.last_id == last_->head_id)) return false;
    core::ports::AuditCheckpoint cp{v.last_id, v.last_hash, v.first_mac_id, ctx_.clock.NowMillis()};
    auto stored = ctx_.checkpoints->Store(cp);
    if (!stored) {
        report_("audit checkpoint: " + stored.error().detail);
        return false;
    }
    last_ = cp;
    return true;
}

void CheckpointWriter::Loop() {
    std::unique_lock lock(mu_);
    while (!stop_) {
        cv_.wait_for(lock, std::chrono::milliseconds(interval_), [&] { return stop_; });
        if (stop_) break;
        lock.unlock();
        Advance();
        lock.lock();
    }
}

}  // namespace lianxin::app
