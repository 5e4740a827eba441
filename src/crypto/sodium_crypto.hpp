// libsodium/OpenSSL implementations of the crypto ports. Keys: one 32-byte master key (the key file) from
// which the field-encryption key, the blind-index key and the two audit MAC keys (rows, checkpoint) are
// derived (crypto_kdf), so a key file is all a backup needs besides the database.
#pragma once

#include <array>
#include <string>

#include "core/ports/crypto.hpp"

namespace lianxin::crypto {

using MasterKey = std::array<unsigned char, 32>;

// Initialises libsodium; call once before any other function here. Throws on failure (start-up error).
void InitCrypto();

// Reads the 32-byte key file, creating it (mode 0600) with a random key when absent and `create` is set.
core::Result<MasterKey> LoadOrCreateKey(const std::string& path, bool create);

class SodiumFieldCipher final : public core::ports::FieldCipher {
public:
    explicit SodiumFieldCipher(const MasterKey& master);
    std::string Encrypt(std::string_view plaintext) const override;
    core::Result<std::string> Decrypt(std::string_view ciphertext) const override;
    std::string BlindIndex(std::string_view normalized) const override;
    std::string AuditRowMac(std::string_view canonical) const override;
    std::string AuditCheckpointMac(std::string_view canonical) const override;

private:
    std::array<unsigned char, 32> enc_key_{};
    std::array<unsigned char, 32> index_key_{};
    std::array<unsigned char, 32> audit_key_{};
    std::array<unsigned char, 32> checkpoint_key_{};
};

class SodiumCrypto final : public core::ports::Crypto {
public:
    std::string HashPassword(std::string_view password) const override;
    bool VerifyPassword(std::string_view encoded, std::string_view password) const override;
    std::string RandomToken(std::size_t bytes) const override;
    std::uint32_t RandomBelow(std::uint32_t upper) const override;
    std::string Sha256Hex(std::string_view data) const override;
    std::string NewTotpSecret() const override;
    std::string TotpCode(std::string_view base32_secret, std::int64_t step) const override;
};

std::string Base32Encode(std::string_view bytes);
std::string Base32Decode(std::string_view text);  // ignores padding, spaces and case; invalid chars skipped

}  // namespace lianxin::crypto
