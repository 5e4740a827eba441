// The two adapters of core/ports/code_sender.hpp (issue 17): an SMS gateway reached by URL, and a sink.
//
// GatewaySender POSTs {"phone": "...", "text": "..."} (application/json) to a configured http:// URL and counts any
// 2xx as sent; it gives up after the timeout (connect, write and read together). TLS is not spoken: the
// gateway is a relay inside the deployment's network (docs/operations.md). The phone number travels in the body
// only, never in a log line.
//
// SinkSender keeps the last messages in memory for the demo and the tests (GET /api/v1/dev/sent-codes answers
// only while it is the configured sender); it sends nothing anywhere.
#pragma once

#include <deque>
#include <mutex>
#include <string>

#include "core/common/date.hpp"
#include "core/ports/code_sender.hpp"

namespace lianxin::otp {

struct GatewayUrl {
    std::string host;
    std::string port = "80";
    std::string path = "/";
};
// "http://host[:port][/path]"; InvalidField("otp.gateway_url", "otp.gateway_url") otherwise.
core::Result<GatewayUrl> ParseGatewayUrl(const std::string& url);

class GatewaySender final : public core::ports::CodeSender {
public:
    GatewaySender(GatewayUrl url, int timeout_millis) : url_(std::move(url)), timeout_millis_(timeout_millis) {}
    core::Status Send(const std::string& phone, const std::string& text) override;

private:
    GatewayUrl url_;
    int timeout_millis_;
};

class SinkSender final : public core::ports::CodeSender, public core::ports::SentMessages {
public:
    explicit SinkSender(const core::Clock& clock, std::size_t keep = 200) : clock_(clock), keep_(keep) {}
    core::Status Send(const std::string& phone, const std::string& text) override;
    std::vector<core::ports::SentMessage> Recent(const std::string& phone) const override;

private:
    const core::Clock& clock_;
    std::size_t keep_;
    mutable std::mutex mu_;
    std::deque<core::ports::SentMessage> sent_;
};

// {"phone":"…","text":"…"} with JSON string escaping.
std::string GatewayBody(const std::string& phone, const std::string& text);

}  // namespace lianxin::otp
