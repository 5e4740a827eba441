// Building audit entries (security.md E1: actor, actor org, IP, action, object, result, request id, time)
// and writing the entries of reads. A write use case appends its entry inside its own transaction; a read
// of personal data (a member's record) is audited through AuditWriter, which group-commits the entries of
// concurrent requests in one transaction and returns only once they are durable — no unaudited success
// (security.md E4): when the audit cannot be written the read fails with 503.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/ports/records.hpp"

namespace lianxin::app {

core::ports::AuditEntry AuditFor(const core::auth::Actor& actor, std::int64_t at, std::string action,
                                 std::string object_type, std::string object_id, std::string result = "ok");

// Writes `e` inline (own transaction) or through the context's AuditWriter.
core::Status AppendAudit(Context& ctx, core::ports::AuditEntry e);

class AuditWriter {
public:
    explicit AuditWriter(core::ports::Database& db);
    ~AuditWriter();
    AuditWriter(const AuditWriter&) = delete;
    AuditWriter& operator=(const AuditWriter&) = delete;

    // Blocks until the entry is committed with its batch; returns that batch's status.
    core::Status Append(core::ports::AuditEntry e);

private:
    struct Slot {
        core::ports::AuditEntry entry;
        bool done = false;
        core::Status status;
    };
    void Loop();

    core::ports::Database& db_;
    std::mutex mu_;
    std::condition_variable work_cv_, done_cv_;
    std::deque<std::shared_ptr<Slot>> queue_;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace lianxin::app
