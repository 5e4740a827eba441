#include "crypto/sodium_crypto.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <semaphore>
#include <stdexcept>
#include <thread>

namespace lianxin::crypto {

using core::ErrorCode;
using core::MakeError;

void InitCrypto() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
}

core::Result<MasterKey> LoadOrCreateKey(const std::string& path, bool create) {
    MasterKey key{};
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t n = ::read(fd, key.data(), key.size());
        ::close(fd);
        if (n != static_cast<ssize_t>(key.size()))
            return core::Fail(MakeError(ErrorCode::kInternal, "crypto.key_file", "key file is not 32 bytes"));
        return key;
    }
    if (!create) return core::Fail(MakeError(ErrorCode::kInternal, "crypto.key_file", "key file missing"));
    randombytes_buf(key.data(), key.size());
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return core::Fail(MakeError(ErrorCode::kInternal, "crypto.key_file", "cannot create key file"));
    bool ok = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) return core::Fail(MakeError(ErrorCode::kInternal, "crypto.key_file", "cannot write key file"));
    return key;
}

SodiumFieldCipher::SodiumFieldCipher(const MasterKey& master) {
    crypto_kdf_derive_from_key(enc_key_.data(), enc_key_.size(), 1, "lxfield1", master.data());
    crypto_kdf_derive_from_key(index_key_.data(), index_key_.size(), 2, "lxindex1", master.data());
    crypto_kdf_derive_from_key(audit_key_.data(), audit_key_.size(), 3, "lxaudit1", master.data());
    crypto_kdf_derive_from_key(checkpoint_key_.data(), checkpoint_key_.size(), 4, "lxckpt01", master.data());
}

// Layout: 1 version byte (1) | 24-byte nonce | ciphertext + 16-byte tag. The version byte is the key id,
// so a rotated key can be told apart from the old one (security.md F2).
std::string SodiumFieldCipher::Encrypt(std::string_view plaintext) const {
    constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    std::string out(1 + kNonce + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    p[0] = 1;
    randombytes_buf(p + 1, kNonce);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(p + 1 + kNonce, &clen,
                                               reinterpret_cast<const unsigned char*>(plaintext.data()),
                                               plaintext.size(), p, 1, nullptr, p + 1, enc_key_.data());
    out.resize(1 + kNonce + clen);
    return out;
}

core::Result<std::string> SodiumFieldCipher::Decrypt(std::string_view c) const {
    constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    constexpr size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (c.size() < 1 + kNonce + kTag || static_cast<unsigned char>(c[0]) != 1)
        return core::Fail(MakeError(ErrorCode::kInternal, "crypto.integrity", "ciphertext malformed"));
    const auto* p = reinterpret_cast<const unsigned char*>(c.data());
    std::string out(c.size() - 1 - kNonce - kTag, '\0');
    unsigned long long mlen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(out.data()), &mlen, nullptr,
                                                   p + 1 + kNonce, c.size() - 1 - kNonce, p, 1, p + 1,
                                                   enc_key_.data()) != 0)
        return core::Fail(MakeError(ErrorCode::kInternal, "crypto.integrity", "ciphertext failed authentication"));
    out.resize(mlen);
    return out;
}

std::string SodiumFieldCipher::BlindIndex(std::string_view normalized) const {
    std::string out(32, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                       reinterpret_cast<const unsigned char*>(normalized.data()), normalized.size(), index_key_.data(),
                       index_key_.size());
    return out;
}

namespace {
std::string KeyedHex(const std::array<unsigned char, 32>& key, std::string_view data) {
    unsigned char mac[32];
    crypto_generichash(mac, sizeof mac, reinterpret_cast<const unsigned char*>(data.data()), data.size(), key.data(),
                       key.size());
    std::string out(2 * sizeof mac + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), mac, sizeof mac);
    out.pop_back();
    return out;
}
}  // namespace

std::string SodiumFieldCipher::AuditRowMac(std::string_view canonical) const { return KeyedHex(audit_key_, canonical); }

std::string SodiumFieldCipher::AuditCheckpointMac(std::string_view canonical) const {
    return KeyedHex(checkpoint_key_, canonical);
}

namespace {
// At most one Argon2 computation per core (security.md F4): a flood of logins queues here instead of
// starving every other request of CPU and memory (19 MiB each).
std::counting_semaphore<64>& HashSlots() {
    static std::counting_semaphore<64> slots(std::clamp<std::ptrdiff_t>(std::thread::hardware_concurrency(), 1, 64));
    return slots;
}

struct HashSlot {
    HashSlot() { HashSlots().acquire(); }
    ~HashSlot() { HashSlots().release(); }
};
}  // namespace

std::string SodiumCrypto::HashPassword(std::string_view password) const {
    HashSlot slot;
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), 2, 19u * 1024 * 1024,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("argon2id: out of memory");
    return out;
}

bool SodiumCrypto::VerifyPassword(std::string_view encoded, std::string_view password) const {
    std::string enc(encoded);
    HashSlot slot;
    return !enc.empty() && crypto_pwhash_str_verify(enc.c_str(), password.data(), password.size()) == 0;
}

std::uint32_t SodiumCrypto::RandomBelow(std::uint32_t upper) const { return randombytes_uniform(upper); }

std::string SodiumCrypto::RandomToken(std::size_t bytes) const {
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::string SodiumCrypto::Sha256Hex(std::string_view data) const {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), md);
    static const char* kHex = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (unsigned char b : md) {
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 15]);
    }
    return out;
}

std::string SodiumCrypto::NewTotpSecret() const {
    std::string raw(20, '\0');
    randombytes_buf(raw.data(), raw.size());
    return Base32Encode(raw);
}

std::string SodiumCrypto::TotpCode(std::string_view secret, std::int64_t step) const {
    std::string key = Base32Decode(secret);
    unsigned char msg[8];
    for (int i = 7; i >= 0; --i) {
        msg[i] = static_cast<unsigned char>(step & 0xFF);
        step >>= 8;
    }
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int md_len = 0;
    HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), msg, sizeof msg, md, &md_len);
    int offset = md[md_len - 1] & 0x0F;
    std::uint32_t bin = ((md[offset] & 0x7F) << 24) | (md[offset + 1] << 16) | (md[offset + 2] << 8) | md[offset + 3];
    char buf[8];
    std::snprintf(buf, sizeof buf, "%06u", bin % 1000000u);
    return buf;
}

std::string Base32Encode(std::string_view bytes) {
    static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 5) {
            out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

std::string Base32Decode(std::string_view text) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char ch : text) {
        int v;
        if (ch >= 'A' && ch <= 'Z') v = ch - 'A';
        else if (ch >= 'a' && ch <= 'z') v = ch - 'a';
        else if (ch >= '2' && ch <= '7') v = ch - '2' + 26;
        else continue;
        buffer = (buffer << 5) | static_cast<unsigned>(v);
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xFF));
            bits -= 8;
        }
    }
    return out;
}

}  // namespace lianxin::crypto
