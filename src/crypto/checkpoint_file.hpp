// The audit head checkpoint as a small text file beside the key file (security.md E2, issue 15 defect 4):
//
//   lianxin audit checkpoint v1
//   head_id=1234
//   head_mac=<64 hex>
//   first_mac_id=18
//   written_at=1796612345678 (2026-12-07T03:05:45.678Z)
//   mac=<64 hex>            keyed BLAKE2b (the checkpoint subkey) of every line above
//
// written atomically (temporary file, fsync, rename, fsync of the directory), mode 0600.
#pragma once

#include <string>

#include "core/ports/crypto.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::crypto {

class CheckpointFile final : public core::ports::AuditCheckpointStore {
public:
    CheckpointFile(std::string path, const core::ports::FieldCipher& cipher)
        : path_(std::move(path)), cipher_(cipher) {}
    core::Result<std::optional<core::ports::AuditCheckpoint>> Load() const override;
    core::Status Store(const core::ports::AuditCheckpoint& cp) override;
    core::Result<std::string> Retire(std::int64_t now_millis) override;
    std::string Where() const override { return path_; }

private:
    std::string path_;
    const core::ports::FieldCipher& cipher_;
};

// The text a checkpoint's MAC covers (every line but the last).
std::string CheckpointBody(const core::ports::AuditCheckpoint& cp);

}  // namespace lianxin::crypto
