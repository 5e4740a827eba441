#include "crypto/checkpoint_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/common/date.hpp"

namespace lianxin::crypto {

using core::ErrorCode;
using core::MakeError;
using core::ports::AuditCheckpoint;

namespace {
constexpr const char* kMagic = "lianxin audit checkpoint v1\n";

core::Error Invalid(const std::string& detail) {
    return MakeError(ErrorCode::kInternal, "audit.checkpoint_invalid", detail);
}

core::Error Unwritable(const std::string& path) {
    return MakeError(ErrorCode::kUnavailable, "audit.checkpoint_unwritable", path + ": " + std::strerror(errno));
}

bool Int(const std::string& s, std::int64_t& out) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && out >= 0;
}

bool WriteAll(int fd, const std::string& s) {
    size_t done = 0;
    while (done < s.size()) {
        ssize_t n = ::write(fd, s.data() + done, s.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

void SyncDir(const std::string& path) {
    auto dir = std::filesystem::path(path).parent_path();
    int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}
}  // namespace

std::string CheckpointBody(const AuditCheckpoint& cp) {
    return std::string(kMagic) + "head_id=" + std::to_string(cp.head_id) + "\nhead_mac=" + cp.head_mac +
           "\nfirst_mac_id=" + std::to_string(cp.first_mac_id) + "\nwritten_at=" + std::to_string(cp.written_at) +
           " (" + core::FormatInstant(cp.written_at) + ")\n";
}

core::Result<std::optional<AuditCheckpoint>> CheckpointFile::Load() const {
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
        if (!std::filesystem::exists(path_)) return std::optional<AuditCheckpoint>();
        return core::Fail(Invalid(path_ + ": cannot read"));
    }
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();
    const auto mac_at = text.rfind("mac=");
    if (text.rfind(kMagic, 0) != 0 || mac_at == std::string::npos || (mac_at > 0 && text[mac_at - 1] != '\n'))
        return core::Fail(Invalid(path_ + ": not a checkpoint"));
    std::string body = text.substr(0, mac_at), mac = text.substr(mac_at + 4);
    while (!mac.empty() && (mac.back() == '\n' || mac.back() == '\r')) mac.pop_back();
    if (cipher_.AuditCheckpointMac(body) != mac) return core::Fail(Invalid(path_ + ": fails its MAC"));
    AuditCheckpoint cp;
    std::istringstream lines(body.substr(std::strlen(kMagic)));
    std::string line;
    bool id = false, head = false, first = false, at = false;
    while (std::getline(lines, line)) {
        auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key == "head_id") id = Int(value, cp.head_id);
        else if (key == "head_mac") head = !(cp.head_mac = value).empty();
        else if (key == "first_mac_id") first = Int(value, cp.first_mac_id);
        else if (key == "written_at") at = Int(value.substr(0, value.find(' ')), cp.written_at);
    }
    if (!id || !head || !first || !at) return core::Fail(Invalid(path_ + ": incomplete"));
    return std::optional<AuditCheckpoint>(cp);
}

core::Status CheckpointFile::Store(const AuditCheckpoint& cp) {
    const std::string body = CheckpointBody(cp);
    const std::string text = body + "mac=" + cipher_.AuditCheckpointMac(body) + "\n";
    const std::string tmp = path_ + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return core::Fail(Unwritable(tmp));
    bool ok = WriteAll(fd, text) && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), path_.c_str()) != 0) {
        auto e = Unwritable(path_);
        ::unlink(tmp.c_str());
        return core::Fail(e);
    }
    SyncDir(path_);
    return core::Ok();
}

core::Result<std::string> CheckpointFile::Retire(std::int64_t now_millis) {
    const std::string kept = path_ + ".before-restore-" + std::to_string(now_millis);
    if (!std::filesystem::exists(path_)) return std::string();
    if (std::rename(path_.c_str(), kept.c_str()) != 0) return core::Fail(Unwritable(kept));
    SyncDir(path_);
    return kept;
}

}  // namespace lianxin::crypto
