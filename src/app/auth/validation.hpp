// Field checks shared by the identity use cases. Each appends a FieldError to `errors` instead of
// failing at once, so that one answer names every wrong field.
#pragma once

#include <string>

#include "core/common/result.hpp"
#include "core/org/org.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

// 3–32 characters of a-z, 0-9, '.', '_' or '-', starting with a letter.
void CheckUsername(const std::string& username, core::Error& errors, const char* field = "username");
// 1–50 characters of valid UTF-8 without control characters.
void CheckDisplayName(const std::string& name, core::Error& errors, const char* field = "display_name");

// The top of the statutory tree (the lowest-id org without a parent).
core::Result<core::org::Org> RootOrg(core::ports::Tx& tx);

}  // namespace lianxin::app
