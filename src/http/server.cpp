// The only translation unit that instantiates RESTinio (compile time: see toolchain.md §3).
#include "http/server.hpp"

#include <restinio/all.hpp>

#include <atomic>
#include <chrono>
#include <thread>

namespace lianxin::http {

namespace {

struct Traits : public restinio::default_traits_t {
    static constexpr bool use_connection_count_limiter = true;
};

const char* Reason(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 412:
            return "Precondition Failed";
        case 413:
            return "Payload Too Large";
        case 415:
            return "Unsupported Media Type";
        case 422:
            return "Unprocessable Entity";
        case 428:
            return "Precondition Required";
        case 429:
            return "Too Many Requests";
        case 503:
            return "Service Unavailable";
        default:
            return status >= 500 ? "Internal Server Error" : "Error";
    }
}

}  // namespace

struct Server::Impl {
    Pipeline& pipeline;
    std::atomic<int> in_flight{0};
    std::atomic<std::int64_t> last_request_ns{0};  // steady-clock time of the newest request
    restinio::running_server_handle_t<Traits> server;

    explicit Impl(Pipeline& p) : pipeline(p) {}

    void Send(const restinio::request_handle_t& rq, Response& resp, bool head) {
        auto builder = rq->create_response(restinio::http_status_line_t{
            restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)}, Reason(resp.status)});
        builder.append_header(restinio::http_field::server, "lianxin");
        if (!resp.content_type.empty()) builder.append_header(restinio::http_field::content_type, resp.content_type);
        for (const auto& [name, value] : resp.headers) builder.append_header(name, value);
        if (!resp.file_path.empty() && !head) {
            try {
                builder.set_body(restinio::sendfile(resp.file_path));
            } catch (const std::exception&) {
                builder.header().status_line(
                    restinio::http_status_line_t{restinio::http_status_code_t{404}, "Not Found"});
            }
        } else if (!head) {
            builder.set_body(std::move(resp.body));
        }
        builder.done([this](const auto&) { --in_flight; });
    }

    restinio::request_handling_status_t OnRequest(const restinio::request_handle_t& rq) {
        ++in_flight;
        last_request_ns = std::chrono::steady_clock::now().time_since_epoch().count();
        Request req;
        const auto& hdr = rq->header();
        req.method = hdr.method().c_str();
        auto raw_path = hdr.path();
        auto raw_query = hdr.query();
        auto path = PercentDecode(std::string_view(raw_path.data(), raw_path.size()), false);
        req.malformed_target = !path || !ParseQuery(std::string_view(raw_query.data(), raw_query.size()), req.query);
        req.path = path ? *path : "/";
        hdr.for_each_field([&](const restinio::http_header_field_t& f) {
            std::string name = f.name();
            for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            req.headers[name] = f.value();
        });
        req.body = rq->body();
        req.ip = rq->remote_endpoint().address().to_string();

        bool head = req.method == "HEAD";
        pipeline.HandleAsync(std::move(req), [this, rq, head](Response resp) { Send(rq, resp, head); });
        return restinio::request_accepted();
    }
};

Server::Server(Pipeline& pipeline, const ServerOptions& o) : impl_(std::make_unique<Impl>(pipeline)) {
    auto max_body = std::max(pipeline.settings().max_body_bytes * 4, pipeline.settings().max_upload_bytes) + 4096;
    auto settings = restinio::server_settings_t<Traits>{}
                        .address(o.address)
                        .port(o.port)
                        .max_parallel_connections(o.max_connections)
                        .read_next_http_message_timelimit(std::chrono::seconds(o.read_timeout_seconds))
                        .handle_request_timeout(std::chrono::seconds(o.handle_timeout_seconds))
                        .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                                      .max_url_size(8 * 1024)
                                                      .max_field_name_size(1024)
                                                      .max_field_value_size(16 * 1024)
                                                      .max_field_count(100)
                                                      .max_body_size(max_body))
                        .request_handler([impl = impl_.get()](auto rq) { return impl->OnRequest(rq); });
    impl_->server = restinio::run_async<Traits>(restinio::own_io_context(), std::move(settings), o.threads);
}

Server::~Server() {
    if (impl_ && impl_->server) Stop(0);
}

void Server::Stop(int grace_seconds) {
    if (!impl_->server) return;
    impl_->pipeline.BeginDrain();
    // Drain until nothing is in flight and no request has arrived for a quiet moment: connections accepted
    // (or still in the listen backlog) just before the signal get their 503 + Retry-After instead of a
    // reset. The grace period bounds it all.
    using Clock = std::chrono::steady_clock;
    constexpr auto kQuiet = std::chrono::milliseconds(300);
    const auto deadline = Clock::now() + std::chrono::seconds(grace_seconds);
    impl_->last_request_ns = Clock::now().time_since_epoch().count();
    auto busy = [&] {
        const auto last = Clock::time_point(Clock::duration(impl_->last_request_ns.load()));
        return impl_->in_flight.load() > 0 || Clock::now() - last < kQuiet;
    };
    while (grace_seconds > 0 && busy() && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    impl_->server->stop();
    impl_->server->wait();
    impl_->server.reset();
}

}  // namespace lianxin::http
