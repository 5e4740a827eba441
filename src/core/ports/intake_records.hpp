// The stores of a resident's intake (issue 17): photos by content hash, and the one-time codes, send windows and
// resident tokens of core/otp. Implemented once in SQL (storage/sql/photo_repo.cpp, otp_repo.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/common/result.hpp"
#include "core/otp/otp.hpp"

namespace lianxin::core::ports {

struct PhotoRecord {
    std::string photo_id;  // lowercase hex SHA-256 of `jpeg` (64 characters)
    std::string jpeg;      // the re-encoded bytes, never the upload
    std::int64_t width = 0;
    std::int64_t height = 0;
    std::int64_t created_at = 0;
};

// Photos are immutable and named by their content: the same bytes stored twice are one photo. Each uploader is
// recorded as an owner ("u:<user id>" for staff, "r:<phone key>" for a resident) so that a resident reads only
// the photos they uploaded.
class PhotoRepo {
public:
    virtual ~PhotoRepo() = default;
    // Stores the photo unless it is there already, and records `owner`.
    virtual Status Put(const PhotoRecord& p, const std::string& owner) = 0;
    virtual Result<std::optional<PhotoRecord>> Get(const std::string& photo_id) = 0;
    virtual Result<bool> OwnedBy(const std::string& photo_id, const std::string& owner) = 0;
};

// A verified resident (core/otp): the token's SHA-256, the phone's key (a keyed blind index) and, encrypted at
// rest, the phone number itself.
struct ResidentToken {
    std::string token_hash;
    std::string phone_key;
    std::string phone;  // plaintext in memory; the store keeps it encrypted
    std::int64_t created_at = 0;
    std::int64_t expires_at = 0;
};

// Keys are keyed hashes (FieldCipher::BlindIndex): no phone number or address is stored in the clear; the phone
// of a code is kept encrypted beside it.
class OtpRepo {
public:
    virtual ~OtpRepo() = default;
    // The phone's live code, if one was sent and not used.
    virtual Result<std::optional<otp::CodeState>> Code(const std::string& phone_key) = 0;
    // Sets the phone's code (a new code replaces the old one and its tries).
    virtual Status PutCode(const std::string& phone_key, const std::string& phone, const otp::CodeState& s,
                           std::int64_t at) = 0;
    // Counts one more try of the phone's code and answers the tries so far (0 when it has no code).
    virtual Result<int> CountTry(const std::string& phone_key) = 0;
    // Spends the code (kConflict when a concurrent try spent it first).
    virtual Status DeleteCode(const std::string& phone_key) = 0;
    // Counts one more send of `key` at `now` in one atomic step (core::otp::AfterSend) and answers the window.
    virtual Result<otp::SendWindow> CountSend(const std::string& key, std::int64_t now) = 0;
    virtual Status InsertToken(const ResidentToken& t) = 0;
    virtual Result<std::optional<ResidentToken>> Token(const std::string& token_hash) = 0;
    // Removes codes, windows and tokens that ended before `before`.
    virtual Status Prune(std::int64_t before) = 0;
};

}  // namespace lianxin::core::ports
