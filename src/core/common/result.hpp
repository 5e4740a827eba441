// Result<T> is a tl::expected<T, Error> that must not be ignored. `Status` is Result<void>. Use LX_CHECK /
// LX_ASSIGN to propagate early.
#pragma once

#include <tl/expected.hpp>

#include "core/common/error.hpp"

namespace lianxin::core {

// [[nodiscard]] (issue 16): dropping a Result drops its error, so it is a compile error (-Werror=unused-result
// in CMakeLists.txt). Where ignoring one is right, write `(void)` and a comment saying why.
template <typename T>
class [[nodiscard]] Result : public tl::expected<T, Error> {
public:
    using Base = tl::expected<T, Error>;
    using Base::Base;
    Result(const Base& b) : Base(b) {}
    Result(Base&& b) : Base(std::move(b)) {}
};
using Status = Result<void>;

inline tl::unexpected<Error> Fail(Error e) { return tl::unexpected<Error>(std::move(e)); }
inline Status Ok() { return {}; }

}  // namespace lianxin::core

// Propagates the error of a Result expression; otherwise evaluates to nothing (for Status) .
#define LX_CHECK(expr)                                                                            \
    do {                                                                                          \
        auto lx_check_result_ = (expr);                                                           \
        if (!lx_check_result_) return ::lianxin::core::Fail(std::move(lx_check_result_.error())); \
    } while (0)

// Binds the value of a Result expression to `var`, or returns its error.
#define LX_ASSIGN(var, expr)                                                            \
    auto var##_result_ = (expr);                                                        \
    if (!var##_result_) return ::lianxin::core::Fail(std::move(var##_result_.error())); \
    auto var = std::move(*var##_result_)
