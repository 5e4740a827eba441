// Result<T> = tl::expected<T, Error>. `Status` is Result<void>. Use LX_TRY to propagate early.
#pragma once

#include <tl/expected.hpp>

#include "core/common/error.hpp"

namespace lianxin::core {

template <typename T>
using Result = tl::expected<T, Error>;
using Status = Result<void>;

inline tl::unexpected<Error> Fail(Error e) { return tl::unexpected<Error>(std::move(e)); }
inline Status Ok() { return {}; }

}  // namespace lianxin::core

// Propagates the error of a Result expression; otherwise evaluates to nothing (for Status) .
#define LX_CHECK(expr)                                                          \
    do {                                                                        \
        auto lx_check_result_ = (expr);                                         \
        if (!lx_check_result_) return ::lianxin::core::Fail(std::move(lx_check_result_.error())); \
    } while (0)

// Binds the value of a Result expression to `var`, or returns its error.
#define LX_ASSIGN(var, expr)                                                    \
    auto var##_result_ = (expr);                                                \
    if (!var##_result_) return ::lianxin::core::Fail(std::move(var##_result_.error())); \
    auto var = std::move(*var##_result_)
