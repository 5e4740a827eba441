// The running server's audit head checkpoint (security.md E2, issue 15 defect 4): every `interval` it walks the
// rows appended since its last checkpoint (their links and MACs, from that trusted point) and, when the head
// moved, stores a new checkpoint outside the database; once more when it stops. It only ever moves forward
// along an intact chain: when the rows it last recorded are gone or changed, or a row fails, it reports the
// problem once and stops writing, so that the evidence stays for `lianxin check`.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/context.hpp"

namespace lianxin::app {

class CheckpointWriter {
public:
    // `report` receives a one-line problem description (the serve log).
    CheckpointWriter(Context& ctx, std::int64_t interval_millis, std::function<void(const std::string&)> report);
    ~CheckpointWriter();  // writes a last checkpoint
    CheckpointWriter(const CheckpointWriter&) = delete;
    CheckpointWriter& operator=(const CheckpointWriter&) = delete;

    // One step (the loop's; tests call it directly): true when a checkpoint was written.
    bool Advance();

private:
    void Loop();

    Context& ctx_;
    std::int64_t interval_;
    std::function<void(const std::string&)> report_;
    std::optional<core::ports::AuditCheckpoint> last_;
    bool halted_ = false;
    std::mutex advance_mu_;  // the loop and a direct call never walk at once
    std::mutex mu_;
    std::condition_variable cv_;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace lianxin::app
