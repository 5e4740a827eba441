// Display masks for personal information (GB/T 35273 §7.2; domain.md §11): phone 138****1234, ID number
// first 2 + last 3 characters, address kept to the first 6 characters. Masking works on UTF-8 code points.
#pragma once

#include <string>
#include <string_view>

namespace lianxin::core::member {

std::string MaskPhone(std::string_view phone);
std::string MaskIdNumber(std::string_view id_number);
std::string MaskAddress(std::string_view address);
// Keeps the surname: 张三丰 → 张**.
std::string MaskName(std::string_view name);

}  // namespace lianxin::core::member
