#include "app/context.hpp"

#include <chrono>

namespace lianxin::app {

std::int64_t SystemClock::NowMillis() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace lianxin::app
