// Open311 GeoReport v2 answers (issue 17 "Open interfaces"): the same value as JSON or as XML by the path's
// extension (".json" / ".xml"), XML written by one small escaping writer (the build has no XML library; nlohmann
// writes the JSON); and the spec's errors: an array of {code, description} with the HTTP status as the code.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "http/http_types.hpp"

namespace lianxin::http {

// Text escaped for XML character data and attribute values (& < > " '); characters XML 1.0 forbids (control
// characters other than tab, newline and carriage return) are dropped.
std::string XmlEscape(std::string_view text);

// `value` as XML under the element `root`: an object's members become child elements in order, an array's items
// elements named `item` (inside an object, an array "attributes" holds "attribute" elements: the name without its
// final "s"), null an empty element, true/false and numbers their text.
std::string ToXml(const nlohmann::json& value, const std::string& root, const std::string& item);

// The answer in the format the route's ".:format" parameter names ("xml" or JSON otherwise).
Response Open311Answer(const nlohmann::json& value, const std::string& format, const std::string& root,
                       const std::string& item, int status = 200);

// An error answer of the lianxin shape (error_mapping.hpp) turned into the spec's: [{"code": status,
// "description": "…"}] per field (or one for the message), as JSON or XML (<errors><error>…) by the path's
// extension. Other answers pass through unchanged.
Response Open311Errors(Response r, const Request& req);

}  // namespace lianxin::http
