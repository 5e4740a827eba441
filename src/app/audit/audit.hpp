// Building audit entries (security.md E1: actor, actor org, IP, action, object, result, request id, time)
// and writing the entries of reads. A write use case appends its entry inside its own transaction; a read
// of personal data (a member's record) is audited through AuditWriter, which group-commits the entries of
// concurrent requests in one transaction and returns only once they are durable — no unaudited success
// (security.md E4): when the audit cannot be written the read fails with 503.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/org/org.hpp"
#include "core/ports/records.hpp"

namespace lianxin::app {

// An org by id and path.
struct AuditOrg {
    std::int64_t id = 0;
    std::string path;
};

// No org in particular (a failed login under an unknown name): the row is filed under the top org.
struct TopOrg {};
inline constexpr TopOrg kTopOrg{};

// An audit entry that still lacks the org of its object: AuditFor(actor, now, action, type, id).On(org).
// Each row is filed under the org of the object acted on (issue 15 defect 5), whose audit admins read it:
// a member -> the member's org; an org (or what belongs to one: a position, a group, an import) -> that org;
// a user -> the deepest org covering all of the user's grants (a user without grants: the top org). The
// actor's org (second column) is the actor's deepest grant covering the object, else its first grant.
class AuditDraft {
public:
    AuditDraft(const core::auth::Actor& actor, core::ports::AuditEntry e) : actor_(actor), e_(std::move(e)) {}
    core::ports::AuditEntry On(std::int64_t org_id, std::string org_path) &&;
    core::ports::AuditEntry On(const core::org::Org& org) &&;
    core::ports::AuditEntry On(const AuditOrg& org) &&;
    core::ports::AuditEntry On(const std::vector<core::auth::Grant>& user_grants) &&;
    core::ports::AuditEntry On(TopOrg) &&;

private:
    const core::auth::Actor& actor_;
    core::ports::AuditEntry e_;
};

AuditDraft AuditFor(const core::auth::Actor& actor, std::int64_t at, std::string action, std::string object_type,
                    std::string object_id, std::string result = "ok");

// The org a list, an export or a read of the log covers, for its audit row: the org asked for (`org_id`), else the
// actor's scope for `p` (its first subtree root).
AuditOrg ListedOrg(Context& ctx, const core::auth::Actor& actor, core::auth::Permission p, std::int64_t org_id);

// Writes `e` inline (own transaction) or through the context's AuditWriter.
core::Status AppendAudit(Context& ctx, core::ports::AuditEntry e);

// A read result that may be shown only once its audit row is durable (security.md E4: no unaudited
// success). The HTTP layer commits `entry` — group-committed, without holding a request thread — and
// answers 503 instead when that fails.
template <typename T>
struct Audited {
    T value;
    core::ports::AuditEntry entry;
};

class AuditWriter {
public:
    explicit AuditWriter(core::ports::Database& db);
    ~AuditWriter();
    AuditWriter(const AuditWriter&) = delete;
    AuditWriter& operator=(const AuditWriter&) = delete;

    // Blocks until the entry is committed with its batch; returns that batch's status.
    core::Status Append(core::ports::AuditEntry e);
    // Queues the entry and returns at once; `done` runs on the writer's thread with the batch's status once
    // the batch is committed (or failed). The caller shows the audited result only from `done`.
    void AppendAsync(core::ports::AuditEntry e, std::function<void(core::Status)> done);

private:
    struct Slot {
        core::ports::AuditEntry entry;
        std::function<void(core::Status)> on_done;  // set for AppendAsync
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
