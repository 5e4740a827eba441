// Sending a resident's one-time code (issue 17 "Events and their intake"): an SMS gateway reached by URL, or a
// sink that the demo and the tests read (src/otp). The phone number is an 11-digit mainland mobile number; the
// text is the whole message. Send fails with kUnavailable ("otp.sender_unavailable") when the gateway does not
// answer in time or refuses; nothing is retried here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/result.hpp"

namespace lianxin::core::ports {

class CodeSender {
public:
    virtual ~CodeSender() = default;
    virtual Status Send(const std::string& phone, const std::string& text) = 0;
};

// What a sink has received, newest last (the demo page and the tests read it; never a production sender).
struct SentMessage {
    std::string phone;
    std::string text;
    std::int64_t at = 0;
};

class SentMessages {
public:
    virtual ~SentMessages() = default;
    virtual std::vector<SentMessage> Recent(const std::string& phone) const = 0;  // "" = every phone
};

}  // namespace lianxin::core::ports
