// A pending deadline shown to the people responsible as a reminder; never acted on automatically.
#pragma once

#include <string>

#include "core/common/date.hpp"

namespace lianxin::core::member {

struct Reminder {
    std::string key;  // "admission.due.talk", "transfer.due.receipt" …
    Date due;
    bool overdue = false;
};

}  // namespace lianxin::core::member
