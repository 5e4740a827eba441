// The code-sender adapters (issue 17 "Events and their intake": an SMS gateway by URL and a sink). The gateway
// is played by a loopback listener here: it sees one POST of {phone, text} as JSON; a gateway that answers an
// error or never answers makes Send fail with kUnavailable.
#include <gtest/gtest.h>

#include <boost/asio/buffers_iterator.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <thread>

#include "otp/senders.hpp"

namespace lianxin::otp {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {
class FixedClock final : public core::Clock {
public:
    std::int64_t NowMillis() const override { return 1234; }
};

// Accepts one connection, reads the request (headers and the announced body) and answers `status_line`, or
// nothing at all when it is empty (then holds the connection until the client gives up).
struct FakeGateway {
    asio::io_context io;
    tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
    std::string request;
    std::thread thread;

    explicit FakeGateway(std::string status_line) {
        thread = std::thread([this, status_line] {
            tcp::socket s(io);
            acceptor.accept(s);
            asio::streambuf buf;
            boost::system::error_code ec;
            asio::read_until(s, buf, "\r\n\r\n", ec);
            std::string head(asio::buffers_begin(buf.data()), asio::buffers_end(buf.data()));
            const auto at = head.find("Content-Length: ");
            const std::size_t length = at == std::string::npos ? 0 : std::stoul(head.substr(at + 16));
            const std::size_t header_end = head.find("\r\n\r\n") + 4;
            if (head.size() < header_end + length)
                asio::read(s, buf, asio::transfer_exactly(header_end + length - head.size()), ec);
            request.assign(asio::buffers_begin(buf.data()), asio::buffers_end(buf.data()));
            if (status_line.empty()) {
                char c;
                s.read_some(asio::buffer(&c, 1), ec);  // until the client closes
                return;
            }
            asio::write(s, asio::buffer(status_line + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), ec);
        });
    }
    ~FakeGateway() {
        if (thread.joinable()) thread.join();
    }
    std::string Url() const {
        return "http://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port()) + "/sms/send";
    }
};
}  // namespace

TEST(GatewaySender, PostsThePhoneAndTextAsJson) {
    FakeGateway gw("HTTP/1.1 200 OK");
    auto url = ParseGatewayUrl(gw.Url());
    ASSERT_TRUE(url);
    GatewaySender sender(*url, 5000);
    ASSERT_TRUE(sender.Send("13812345678", "【连心】您的验证码是 012345"));
    gw.thread.join();  // the request is complete
    EXPECT_EQ(gw.request.rfind("POST /sms/send HTTP/1.1\r\n", 0), 0u) << gw.request;
    EXPECT_NE(gw.request.find("Content-Type: application/json"), std::string::npos);
    EXPECT_NE(gw.request.find("{\"phone\":\"13812345678\",\"text\":\"【连心】您的验证码是 012345\"}"),
              std::string::npos);
}

TEST(GatewaySender, AnErrorStatusIsUnavailable) {
    FakeGateway gw("HTTP/1.1 500 Internal Server Error");
    GatewaySender sender(*ParseGatewayUrl(gw.Url()), 5000);
    auto st = sender.Send("13812345678", "x");
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, core::ErrorCode::kUnavailable);
    EXPECT_EQ(st.error().message_key, "otp.sender_unavailable");
}

TEST(GatewaySender, AGatewayThatNeverAnswersIsGivenUp) {
    FakeGateway gw("");
    GatewaySender sender(*ParseGatewayUrl(gw.Url()), 200);
    auto st = sender.Send("13812345678", "x");
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, core::ErrorCode::kUnavailable);
}

TEST(GatewaySender, UrlsAreHttpWithHostPortAndPath) {
    auto u = ParseGatewayUrl("http://sms.internal:8080/v1/send");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->host, "sms.internal");
    EXPECT_EQ(u->port, "8080");
    EXPECT_EQ(u->path, "/v1/send");
    EXPECT_EQ(ParseGatewayUrl("http://sms.internal")->path, "/");
    for (const char* bad : {"https://x/", "ftp://x", "http://", "http://a b/", "http://x:port/", "http://u@x/"})
        EXPECT_FALSE(ParseGatewayUrl(bad)) << bad;
    EXPECT_EQ(GatewayBody("1", "a\"b\\c\n"), "{\"phone\":\"1\",\"text\":\"a\\\"b\\\\c\\u000a\"}");
}

TEST(SinkSender, KeepsTheLastMessagesByPhone) {
    FixedClock clock;
    SinkSender sink(clock, 3);
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(sink.Send(i % 2 ? "13800000001" : "13800000002", std::to_string(i)));
    EXPECT_EQ(sink.Recent("").size(), 3u);
    auto one = sink.Recent("13800000001");
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].text, "3");
    EXPECT_EQ(one[0].at, 1234);
}

}  // namespace lianxin::otp
