// A pending deadline shown to the people responsible as a reminder; never acted on automatically.
#pragma once

#include <map>
#include <string>

#include "core/common/date.hpp"

namespace lianxin::core::member {

struct Reminder {
    std::string key;  // "admission.due.talk", "transfer.due.receipt" …
    Date due;
    bool overdue = false;
    std::map<std::string, std::string> params;  // figures of the rule that the message quotes ("months" …)
};

}  // namespace lianxin::core::member
