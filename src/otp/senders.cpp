#include "otp/senders.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <chrono>

namespace lianxin::otp {

namespace {
core::Error Unavailable(std::string detail) {
    return core::MakeError(core::ErrorCode::kUnavailable, "otp.sender_unavailable", std::move(detail));
}

void AppendJsonString(std::string& out, const std::string& s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') out += {'\\', static_cast<char>(c)};
        else if (c < 0x20) out += {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        else out += static_cast<char>(c);
    }
    out += '"';
}
}  // namespace

core::Result<GatewayUrl> ParseGatewayUrl(const std::string& url) {
    const auto bad = core::InvalidField("otp.gateway_url", "otp.gateway_url");
    constexpr std::string_view kScheme = "http://";
    if (url.rfind(kScheme, 0) != 0) return core::Fail(bad);
    std::string rest = url.substr(kScheme.size());
    GatewayUrl out;
    const auto slash = rest.find('/');
    if (slash != std::string::npos) {
        out.path = rest.substr(slash);
        rest = rest.substr(0, slash);
    }
    const auto colon = rest.rfind(':');
    if (colon != std::string::npos) {
        out.port = rest.substr(colon + 1);
        rest = rest.substr(0, colon);
        if (out.port.empty() || out.port.size() > 5 || out.port.find_first_not_of("0123456789") != std::string::npos)
            return core::Fail(bad);
    }
    out.host = rest;
    if (out.host.empty() || out.host.find_first_of(" @?#") != std::string::npos) return core::Fail(bad);
    for (char c : out.path)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return core::Fail(bad);
    return out;
}

std::string GatewayBody(const std::string& phone, const std::string& text) {
    std::string body = "{\"phone\":";
    AppendJsonString(body, phone);
    body += ",\"text\":";
    AppendJsonString(body, text);
    body += "}";
    return body;
}

core::Status GatewaySender::Send(const std::string& phone, const std::string& text) {
    const std::string body = GatewayBody(phone, text);
    boost::asio::ip::tcp::iostream s;
    // One deadline for the whole exchange: connecting, writing and reading the status line.
    s.expires_after(std::chrono::milliseconds(timeout_millis_));
    s.connect(url_.host, url_.port);
    if (!s) return core::Fail(Unavailable("gateway connect: " + s.error().message()));
    s << "POST " << url_.path << " HTTP/1.1\r\nHost: " << url_.host << "\r\nContent-Type: application/json\r\n"
      << "Content-Length: " << body.size() << "\r\nConnection: close\r\n\r\n"
      << body;
    s.flush();
    std::string version;
    int status = 0;
    s >> version >> status;
    if (!s || version.rfind("HTTP/1.", 0) != 0)
        return core::Fail(Unavailable("gateway answer: " + s.error().message()));
    if (status < 200 || status > 299) return core::Fail(Unavailable("gateway status " + std::to_string(status)));
    return core::Ok();
}

core::Status SinkSender::Send(const std::string& phone, const std::string& text) {
    std::lock_guard lock(mu_);
    sent_.push_back({phone, text, clock_.NowMillis()});
    while (sent_.size() > keep_) sent_.pop_front();
    return core::Ok();
}

std::vector<core::ports::SentMessage> SinkSender::Recent(const std::string& phone) const {
    std::lock_guard lock(mu_);
    std::vector<core::ports::SentMessage> out;
    for (const auto& m : sent_)
        if (phone.empty() || m.phone == phone) out.push_back(m);
    return out;
}

}  // namespace lianxin::otp
