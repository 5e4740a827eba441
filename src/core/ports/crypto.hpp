// Cryptographic services the use cases and storage need, behind interfaces so that core stays pure.
// Implemented with libsodium and OpenSSL in src/crypto.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/result.hpp"

namespace lianxin::core::ports {

// The services of the master key file. Encrypts personal fields at rest (XChaCha20-Poly1305) and computes a
// keyed blind index (BLAKE2b) so that an encrypted field can still be found by exact value. Decrypt fails
// (kInternal, "crypto.integrity") when the ciphertext was altered: never garbage, never plaintext (security.md
// F3). Seals the audit log (security.md E2, issue 15 defect 4): a keyed MAC of each row and of the head
// checkpoint, each under its own subkey, so that someone holding the database but not the key file can
// neither rewrite a row nor forge a checkpoint.
class FieldCipher {
public:
    virtual ~FieldCipher() = default;
    virtual std::string Encrypt(std::string_view plaintext) const = 0;
    virtual Result<std::string> Decrypt(std::string_view ciphertext) const = 0;
    virtual std::string BlindIndex(std::string_view normalized) const = 0;
    // Keyed BLAKE2b-256 of an audit row's canonical text, as 64 lower-case hex digits.
    virtual std::string AuditRowMac(std::string_view canonical) const = 0;
    // Keyed BLAKE2b-256 (another subkey) of a head checkpoint's canonical text, as hex.
    virtual std::string AuditCheckpointMac(std::string_view canonical) const = 0;
};

class Crypto {
public:
    virtual ~Crypto() = default;
    // Argon2id (m = 19 MiB, t = 2, p = 1) encoded hash string.
    virtual std::string HashPassword(std::string_view password) const = 0;
    virtual bool VerifyPassword(std::string_view encoded, std::string_view password) const = 0;
    // Random token of `bytes` bytes, URL-safe base64 without padding.
    virtual std::string RandomToken(std::size_t bytes) const = 0;
    // A uniform random number below `upper` from the CSPRNG (a one-time code: RandomBelow(1'000'000)).
    virtual std::uint32_t RandomBelow(std::uint32_t upper) const = 0;
    // SHA-256 as lower-case hex.
    virtual std::string Sha256Hex(std::string_view data) const = 0;
    // A new TOTP secret (20 random bytes) as base32.
    virtual std::string NewTotpSecret() const = 0;
    // The 6-digit RFC 6238 code (SHA-1, 30 s) for a base32 secret at time step `step`.
    virtual std::string TotpCode(std::string_view base32_secret, std::int64_t step) const = 0;
};

}  // namespace lianxin::core::ports
