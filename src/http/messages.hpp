// The message catalogue: every error key in Simplified Chinese (default) and English, and the display
// names of fields, so that each error names its field in the user's language ("密码长度至少为 12 个字符").
#pragma once

#include <map>
#include <string>
#include <vector>

#include "http/http_types.hpp"

namespace lianxin::http {

// The message for `key` with {placeholders} filled from params; "{field}" is the translated label of
// `field` (its last path segment). Unknown keys fall back to a generic message, never to the raw key.
std::string Translate(Lang lang, const std::string& key, const std::map<std::string, std::string>& params = {},
                      const std::string& field = "");
std::string FieldLabel(Lang lang, const std::string& field);
bool HasMessage(const std::string& key);
// The keys the catalogue's tables (messages*.cpp) write more than once, as "message KEY" or "label KEY": only
// the first would ever be shown. Empty in a sound catalogue (messages_test.cpp).
std::vector<std::string> DuplicateCatalogueKeys();

}  // namespace lianxin::http
