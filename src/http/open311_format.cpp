#include "http/open311_format.hpp"

namespace lianxin::http {

using nlohmann::json;

std::string XmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                if (c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;  // not allowed in XML 1.0
                out += ch;
        }
    }
    return out;
}

namespace {

std::string Singular(const std::string& name) {
    return name.size() > 1 && name.back() == 's' ? name.substr(0, name.size() - 1) : name;
}

void Write(const json& v, const std::string& name, const std::string& item, std::string& out) {
    out += "<" + name + ">";
    if (v.is_object()) {
        for (const auto& [k, child] : v.items()) Write(child, k, Singular(k), out);
    } else if (v.is_array()) {
        for (const auto& child : v) Write(child, item, Singular(item), out);
    } else if (v.is_string()) {
        out += XmlEscape(v.get<std::string>());
    } else if (!v.is_null()) {
        out += v.dump();  // numbers, true, false
    }
    out += "</" + name + ">";
}

}  // namespace

std::string ToXml(const json& value, const std::string& root, const std::string& item) {
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
    Write(value, root, item, out);
    return out;
}

Response Open311Answer(const json& value, const std::string& format, const std::string& root, const std::string& item,
                       int status) {
    Response r;
    r.status = status;
    if (format == "xml") {
        r.content_type = "application/xml; charset=utf-8";
        r.body = ToXml(value, root, item);
    } else {
        r.body = value.dump(-1, ' ', false, json::error_handler_t::replace);
    }
    return r;
}

Response Open311Errors(Response r, const Request& req) {
    if (r.status < 400) return r;
    const json body = json::parse(r.body, nullptr, false);
    if (body.is_discarded() || !body.contains("error")) return r;
    const auto& e = body["error"];
    json errors = json::array();
    if (e.contains("fields"))
        for (const auto& f : e["fields"])
            errors.push_back({{"code", r.status}, {"description", f.value("message", "")}});
    if (errors.empty()) errors.push_back({{"code", r.status}, {"description", e.value("message", "")}});
    const bool xml = req.path.size() > 4 && req.path.compare(req.path.size() - 4, 4, ".xml") == 0;
    Response out = Open311Answer(errors, xml ? "xml" : "json", "errors", "error", r.status);
    out.headers = std::move(r.headers);
    return out;
}

}  // namespace lianxin::http
