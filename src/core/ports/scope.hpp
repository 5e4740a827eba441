// The rows one transaction may touch, for the database's own second fence (security.md A6, ADR 0005). On
// PostgreSQL the scope is set on the transaction (SET LOCAL lianxin.scope) and row-level security policies
// restrict the member-holding tables to it, so that a repository query that forgot its scope clause still
// returns nothing outside the actor's subtrees; SQLite ignores it. Every Database::Read / Write names one:
// Scope::Of(actor) for work done for an actor, Scope::System() for work that is not (migrations, loading,
// the CLI, login and sessions, the audit writer) or that deliberately crosses the actor's subtrees (each use
// says why in a comment).
#pragma once

#include <string>
#include <vector>

#include "core/auth/actor.hpp"

namespace lianxin::core::ports {

class Scope {
public:
    // The union of the subtrees of all the actor's grants (nested roots folded); no grant → no rows.
    static Scope Of(const auth::Actor& actor);
    // Exactly these subtree roots (materialized paths such as "/1/5/").
    static Scope Paths(std::vector<std::string> roots);
    // Every row.
    static Scope System();

    bool system() const { return system_; }
    const std::vector<std::string>& roots() const { return roots_; }

private:
    Scope(bool system, std::vector<std::string> roots) : system_(system), roots_(std::move(roots)) {}
    bool system_;
    std::vector<std::string> roots_;
};

}  // namespace lianxin::core::ports
