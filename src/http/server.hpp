// The HTTP server: RESTinio on Boost.Asio with a thread pool, feeding every request to the Pipeline.
// This header includes no RESTinio; server.cpp is the only translation unit that instantiates it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/pipeline.hpp"

namespace lianxin::http {

struct ServerOptions {
    std::string address = "127.0.0.1";
    unsigned short port = 8080;
    std::size_t threads = 4;
    std::size_t max_connections = 1024;
    int read_timeout_seconds = 30;
    int handle_timeout_seconds = 30;
};

class Server {
public:
    // Starts serving; throws std::runtime_error when the address cannot be bound.
    Server(Pipeline& pipeline, const ServerOptions& options);
    ~Server();
    // Graceful stop: new requests get 503 + Retry-After while in-flight ones finish (at most
    // `grace_seconds`), then the listener closes.
    void Stop(int grace_seconds = 10);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Decodes %XX (and '+' in queries); nullopt on a malformed escape or an encoded NUL.
std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space);
// Parses "a=1&b=two" (later duplicates win); false on a malformed escape.
bool ParseQuery(std::string_view q, std::map<std::string, std::string>& out);

}  // namespace lianxin::http
