// The one route table. docs/openapi.yaml describes exactly these routes (a test compares them), and the
// access-matrix test walks every row.
#include "http/handlers/handlers.hpp"
#include "http/router.hpp"

namespace lianxin::http {

namespace h = handlers;

const std::vector<Route>& Routes() {
    static const std::vector<Route> kRoutes{
        {"GET", "/healthz", Access::kPublic, h::Healthz, "Liveness"},
        {"GET", "/readyz", Access::kPublic, h::Readyz, "Readiness: the database answers"},

        {"GET", "/api/v1/setup", Access::kPublic, h::SetupInfo, "Inspect a one-time set-up link"},
        {"POST", "/api/v1/setup", Access::kPublic, h::SetupComplete, "Spend a set-up link: first admin or password", true},
        {"POST", "/api/v1/auth/login", Access::kPublic, h::Login, "Log in with user name and password", true},
        {"POST", "/api/v1/auth/logout", Access::kSession, h::Logout, "End the session"},
        {"GET", "/api/v1/auth/session", Access::kSession, h::SessionInfo, "The current session"},
        {"POST", "/api/v1/auth/totp/enroll", Access::kSession, h::TotpEnroll, "Start TOTP enrolment", true},
        {"POST", "/api/v1/auth/totp/verify", Access::kSession, h::TotpVerify, "Check a TOTP code", true},
        {"POST", "/api/v1/auth/password", Access::kAuthenticated, h::ChangePassword, "Change own password", true},

        {"GET", "/api/v1/roles", Access::kAuthenticated, h::ListRoles, "The roles and their names"},
        {"GET", "/api/v1/orgs/roots", Access::kAuthenticated, h::OrgRoots, "Top orgs of the caller's scope"},
        {"GET", "/api/v1/orgs/:id/children", Access::kAuthenticated, h::OrgChildren, "Child orgs with counts"},
        {"GET", "/api/v1/orgs/:id", Access::kAuthenticated, h::OrgDetail, "One org with its breadcrumb"},
        {"GET", "/api/v1/orgs/:id/committee", Access::kAuthenticated, h::OrgCommittee, "Committee, headcount and rule warnings"},
        {"POST", "/api/v1/orgs/:id/posts", Access::kAuthenticated, h::AppointPost, "Appoint a committee post with its record", true},
        {"POST", "/api/v1/orgs/:id/posts/:post_id/end", Access::kAuthenticated, h::EndPost, "End a committee post", true},
        {"GET", "/api/v1/orgs/:id/electorate", Access::kAuthenticated, h::OrgElectorate, "Voting members of an org on a date"},
        {"GET", "/api/v1/orgs/:id/history", Access::kAuthenticated, h::OrgHistory, "What reorganizations did to an org and the versions it continues"},
        {"POST", "/api/v1/reorganizations/preview", Access::kAuthenticated, h::PreviewReorganization, "What a reorganization would change; writes nothing", true},
        {"POST", "/api/v1/reorganizations", Access::kAuthenticated, h::Reorganize, "Create, rename, move, merge, split or dissolve an org (audited)", true},
        {"GET", "/api/v1/reorganizations", Access::kAuthenticated, h::ListReorganizations, "Reorganizations decided in the scope, newest first"},
        {"GET", "/api/v1/orgs/:id/overlay-counts", Access::kAuthenticated, h::OrgOverlayCounts, "Overlays, member units, part-time and linked members per child org"},
        {"GET", "/api/v1/overlays", Access::kAuthenticated, h::ListOverlays, "Overlays (大工委, 大党委, 联合党委 …) hosted in the scope"},
        {"POST", "/api/v1/overlays", Access::kAuthenticated, h::CreateOverlay, "Create an overlay led by a host org (audited)", true},
        {"GET", "/api/v1/overlays/:id", Access::kAuthenticated, h::GetOverlay, "One overlay with its units, convenor and turns"},
        {"PUT", "/api/v1/overlays/:id", Access::kAuthenticated, h::UpdateOverlay, "Edit an overlay (audited)", true},
        {"POST", "/api/v1/overlays/:id/units", Access::kAuthenticated, h::AddOverlayUnit, "A member unit joins with its head (audited)", true},
        {"POST", "/api/v1/overlays/:id/units/:unit_id/end", Access::kAuthenticated, h::EndOverlayUnit, "A member unit leaves (audited)", true},
        {"PUT", "/api/v1/overlays/:id/roster", Access::kAuthenticated, h::SetOverlayRoster, "Set the rotating convenor's order, period and start (audited)", true},
        {"GET", "/api/v1/overlays/:id/members", Access::kAuthenticated, h::ListOverlayMembers, "Registry members linked for dual identity (audited)"},
        {"POST", "/api/v1/overlays/:id/members", Access::kAuthenticated, h::LinkOverlayMembers, "Link registry members for dual identity (audited)", true},
        {"DELETE", "/api/v1/overlays/:id/members/:member_id", Access::kAuthenticated, h::UnlinkOverlayMember, "End a member's dual-identity link (audited)"},
        {"GET", "/api/v1/positions", Access::kAuthenticated, h::ListPositions, "Party-mass service positions in scope, open now or not"},
        {"POST", "/api/v1/positions", Access::kAuthenticated, h::CreatePosition, "Register a service position an org runs (audited)", true},
        {"GET", "/api/v1/positions/:id", Access::kAuthenticated, h::GetPosition, "One service position"},
        {"PUT", "/api/v1/positions/:id", Access::kAuthenticated, h::UpdatePosition, "Edit a service position (audited)", true},
        {"POST", "/api/v1/positions/:id/close", Access::kAuthenticated, h::ClosePosition, "Stop using a service position (audited)", true},

        {"GET", "/api/v1/users", Access::kAuthenticated, h::ListUsers, "Users in scope"},
        {"POST", "/api/v1/users", Access::kAuthenticated, h::CreateUser, "Create a user with a role and a set-up link", true},
        {"GET", "/api/v1/users/:id", Access::kAuthenticated, h::GetUser, "One user"},
        {"POST", "/api/v1/users/:id/grants", Access::kAuthenticated, h::AddGrant, "Grant a role on an org", true},
        {"DELETE", "/api/v1/users/:id/grants/:grant_id", Access::kAuthenticated, h::RemoveGrant, "Revoke a grant"},
        {"POST", "/api/v1/users/:id/reset", Access::kAuthenticated, h::ResetUser, "New password link"},
        {"POST", "/api/v1/users/:id/unlock", Access::kAuthenticated, h::UnlockUser, "Unlock after failed logins"},
        {"POST", "/api/v1/users/:id/disable", Access::kAuthenticated, h::DisableUser, "Disable an account"},
        {"POST", "/api/v1/users/:id/enable", Access::kAuthenticated, h::EnableUser, "Enable an account"},

        {"GET", "/api/v1/members", Access::kAuthenticated, h::ListMembers, "Members in scope (masked)"},
        {"POST", "/api/v1/members", Access::kAuthenticated, h::RegisterMember, "Register one existing member in a branch (audited)", true},
        {"GET", "/api/v1/members/export", Access::kAuthenticated, h::ExportMembers, "The member list as .xlsx or .csv (masked unless full; watermarked; audited)"},
        {"GET", "/api/v1/members/:id", Access::kAuthenticated, h::GetMember, "One member (masked, audited)"},
        {"PUT", "/api/v1/members/:id", Access::kAuthenticated, h::UpdateMember, "Edit a member's registry fields (audited)", true},
        {"POST", "/api/v1/members/:id/status", Access::kAuthenticated, h::DecideMemberStatus, "Record a decision on party status: stop, restore, remove (audited)", true},
        {"POST", "/api/v1/members/:id/reveal", Access::kAuthenticated, h::RevealMember, "Full ID number and phone, for a stated reason (audited)", true},
        {"GET", "/api/v1/candidates", Access::kAuthenticated, h::ListCandidates, "Development pipeline board (masked)"},
        {"POST", "/api/v1/candidates", Access::kAuthenticated, h::CreateCandidate, "Register an application for membership", true},
        {"GET", "/api/v1/candidates/:id", Access::kAuthenticated, h::GetCandidate, "One case with steps and reminders (audited)"},
        {"POST", "/api/v1/candidates/:id/steps", Access::kAuthenticated, h::RecordCandidateStep, "Record the next step with its evidence", true},
        {"GET", "/api/v1/transfers", Access::kAuthenticated, h::ListTransfers, "Transfers sent from or addressed to the scope"},
        {"POST", "/api/v1/transfers", Access::kAuthenticated, h::RequestTransfer, "Request a transfer of a member", true},
        {"POST", "/api/v1/transfers/incoming", Access::kAuthenticated, h::RegisterIncomingTransfer, "Register a letter from an org outside this system", true},
        {"GET", "/api/v1/transfers/destinations", Access::kAuthenticated, h::TransferDestinations, "Orgs a letter may be addressed to (names only)"},
        {"GET", "/api/v1/transfers/:id", Access::kAuthenticated, h::GetTransfer, "One transfer with its events (audited)"},
        {"POST", "/api/v1/transfers/:id/actions", Access::kAuthenticated, h::ActOnTransfer, "Issue, accept, refuse, cancel or record the receipt", true},
        {"GET", "/api/v1/members/:id/floating", Access::kAuthenticated, h::GetMemberFloating, "The member's floating records with notes and reminders (audited)"},
        {"POST", "/api/v1/members/:id/floating", Access::kAuthenticated, h::OpenFloating, "Register a member as floating (外出登记; audited)", true},
        {"PUT", "/api/v1/floating/:id", Access::kAuthenticated, h::UpdateFloating, "Edit an open floating record (audited)", true},
        {"POST", "/api/v1/floating/:id/reports", Access::kAuthenticated, h::AddFloatingNote, "Append a report, contact, participation or dues note (audited)", true},
        {"POST", "/api/v1/floating/:id/return", Access::kAuthenticated, h::ReturnFloating, "Register the member's return; closes the record (audited)", true},
        {"GET", "/api/v1/orgs/:id/floating-out", Access::kAuthenticated, h::ListFloatingOut, "Floating members of the subtree with their next reminder (流出)"},
        {"GET", "/api/v1/orgs/:id/floating-in", Access::kAuthenticated, h::ListFloatingIn, "Members taking part in the subtree's orgs, minimal fields (流入)"},
        {"POST", "/api/v1/imports/preview", Access::kAuthenticated, h::PreviewImport, "Check a member sheet row by row; writes nothing", false, true},
        {"POST", "/api/v1/imports", Access::kAuthenticated, h::CommitImport, "Import the good rows of a member sheet (audited)", false, true},
        {"GET", "/api/v1/imports", Access::kAuthenticated, h::ListImports, "Imports into the scope, newest first"},
        {"GET", "/api/v1/imports/template", Access::kAuthenticated, h::ImportTemplate, "An empty member sheet with the known columns"},
        {"POST", "/api/v1/imports/:id/undo", Access::kAuthenticated, h::UndoImport, "Undo a whole import within 7 days (audited)"},
        {"POST", "/api/v1/imports/orgs/preview", Access::kAuthenticated, h::PreviewOrgImport, "Check an org sheet row by row; writes nothing", false, true},
        {"POST", "/api/v1/imports/orgs", Access::kAuthenticated, h::CommitOrgImport, "Set up the good rows of an org sheet (audited)", false, true},
        {"GET", "/api/v1/imports/orgs", Access::kAuthenticated, h::ListOrgImports, "Org imports into the scope, newest first"},
        {"GET", "/api/v1/imports/orgs/template", Access::kAuthenticated, h::OrgImportTemplate, "An empty org sheet with the known columns"},
        {"GET", "/api/v1/me", Access::kAuthenticated, h::Me, "Own user and member record"},
        {"GET", "/api/v1/me/views", Access::kAuthenticated, h::MyViews, "Who viewed my record"},

        {"GET", "/api/v1/audit", Access::kAuthenticated, h::ListAudit, "Audit log of the caller's scope"},
        {"GET", "/api/v1/audit/verify", Access::kAuthenticated, h::VerifyAudit, "Verify the audit hash chain"},
    };
    return kRoutes;
}

}  // namespace lianxin::http
