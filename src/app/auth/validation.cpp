#include "app/auth/validation.hpp"

#include "core/auth/credentials.hpp"

namespace lianxin::app {

void CheckUsername(const std::string& u, core::Error& errors, const char* field) {
    bool ok = u.size() >= 3 && u.size() <= 32 && u[0] >= 'a' && u[0] <= 'z';
    for (char c : u) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-');
    if (!ok) errors.WithField(field, "user.username.format");
}

void CheckDisplayName(const std::string& name, core::Error& errors, const char* field) {
    int n = core::auth::CodePointCount(name);
    bool ok = n >= 1 && n <= 50;
    for (unsigned char c : name) ok = ok && (c >= 0x20 && c != 0x7F);
    if (!ok) errors.WithField(field, "user.display_name.format");
}

core::Result<core::org::Org> RootOrg(core::ports::Tx& tx) {
    LX_ASSIGN(roots, tx.Orgs().Roots());
    if (!roots.empty()) return roots.front();
    return core::Fail(core::MakeError(core::ErrorCode::kFailedPrecondition, "setup.no_org_tree"));
}

}  // namespace lianxin::app
