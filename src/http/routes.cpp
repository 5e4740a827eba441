// The one route table. docs/openapi.yaml describes exactly these routes with each one's permission (x-permission;
// a test compares them), and the access-matrix test walks every row expecting 403 for a role without the row's
// permission. Needs(p): the caller must hold p on some org (the pipeline's 403 gate) and the use case checks
// the target lies in its scope; Access::kAuthenticated alone: any signed-in user (own record, self-service).
#include "http/handlers/handlers.hpp"
#include "http/handlers/rates_handlers.hpp"
#include "http/router.hpp"

namespace lianxin::http {

namespace h = handlers;
using P = core::auth::Permission;

// One route a line, however long, so that the table reads as a table.
// clang-format off
const std::vector<Route>& Routes() {
    static const std::vector<Route> kRoutes{
        {"GET", "/healthz", Access::kPublic, h::Healthz, "Liveness"},
        {"GET", "/readyz", Access::kPublic, h::Readyz, "Readiness: the database answers"},

        {"GET", "/api/v1/setup", Access::kPublic, h::SetupInfo, "Inspect a one-time set-up link"},
        {"POST", "/api/v1/setup", Access::kPublic, h::SetupComplete, "Spend a set-up link: first admin or password", Body::kJson},
        {"POST", "/api/v1/auth/login", Access::kPublic, h::Login, "Log in with user name and password", Body::kJson},
        {"POST", "/api/v1/auth/logout", Access::kSession, h::Logout, "End the session"},
        {"GET", "/api/v1/auth/session", Access::kSession, h::SessionInfo, "The current session"},
        {"POST", "/api/v1/auth/totp/enroll", Access::kSession, h::TotpEnroll, "Start TOTP enrolment", Body::kJson},
        {"POST", "/api/v1/auth/totp/verify", Access::kSession, h::TotpVerify, "Check a TOTP code", Body::kJson},
        {"POST", "/api/v1/auth/password", Access::kAuthenticated, h::ChangePassword, "Change own password", Body::kJson},

        {"POST", "/api/v1/public/codes", Access::kPublic, h::RequestCode, "Send a resident a one-time code by SMS (throttled per phone and address)", Body::kJson},
        {"POST", "/api/v1/public/codes/verify", Access::kPublic, h::VerifyCode, "Check a resident's code; a resident token for that phone", Body::kJson},
        {"GET", "/api/v1/public/intake", Access::kPublic, h::IntakeLimits, "What a resident's report may carry: photos and their limits"},
        {"GET", "/api/v1/dev/sent-codes", Access::kPublic, h::SentCodes, "Codes the sink sender received (demo and tests only; 404 otherwise)"},
        {"POST", "/api/v1/photos", Access::kAuthenticatedOrResident, h::UploadPhoto, "Upload a photo: checked, re-encoded without EXIF, stored by its hash (audited)", Body::kFile},
        {"GET", "/api/v1/photos/:photo_id", Access::kAuthenticatedOrResident, h::GetPhoto, "A stored photo as image/jpeg"},

        {"GET", "/api/v1/roles", Access::kAuthenticated, h::ListRoles, "The roles and their names"},
        {"GET", "/api/v1/dictionaries", Access::kAuthenticated, h::Dictionaries, "Code lists with both languages' labels and the member field specs"},
        {"GET", "/api/v1/orgs/roots", Needs(P::kOrgRead), h::OrgRoots, "Top orgs of the caller's scope"},
        {"GET", "/api/v1/orgs/:id/children", Needs(P::kOrgRead), h::OrgChildren, "Child orgs with counts"},
        {"GET", "/api/v1/orgs/:id", Needs(P::kOrgRead), h::OrgDetail, "One org with its breadcrumb"},
        {"GET", "/api/v1/orgs/:id/committee", Needs(P::kMemberRead), h::OrgCommittee, "Committee, headcount and rule warnings"},
        {"POST", "/api/v1/orgs/:id/posts", Needs(P::kMemberWrite), h::AppointPost, "Appoint a committee post with its record", Body::kJson},
        {"POST", "/api/v1/orgs/:id/posts/:post_id/end", Needs(P::kMemberWrite), h::EndPost, "End a committee post", Body::kJson},
        {"GET", "/api/v1/orgs/:id/groups", Needs(P::kMemberRead), h::OrgGroups, "Party groups of a branch and the units a joint branch covers, as of a date"},
        {"POST", "/api/v1/orgs/:id/groups", Needs(P::kMemberWrite), h::CreateGroup, "Form a party group in a branch with its leader (audited)", Body::kJson},
        {"PUT", "/api/v1/groups/:id", Needs(P::kMemberWrite), h::UpdateGroup, "Rename a party group or change its leader (audited)", Body::kJson},
        {"PUT", "/api/v1/groups/:id/members", Needs(P::kMemberWrite), h::SetGroupMembers, "Set the members of a party group (audited)", Body::kJson},
        {"POST", "/api/v1/groups/:id/close", Needs(P::kMemberWrite), h::CloseGroup, "Close a party group (audited)", Body::kJson},
        {"POST", "/api/v1/orgs/:id/units", Needs(P::kOrgWrite), h::AddCoveredUnit, "Record a unit a joint branch covers (audited)", Body::kJson},
        {"POST", "/api/v1/orgs/:id/units/:unit_id/end", Needs(P::kOrgWrite), h::EndCoveredUnit, "A unit no longer covered by the joint branch (audited)", Body::kJson},
        {"GET", "/api/v1/orgs/:id/electorate", Needs(P::kMemberRead), h::OrgElectorate, "Voting members of an org on a date"},
        {"GET", "/api/v1/orgs/:id/policies", Needs(P::kOrgRead), h::ListPolicies, "The policies in force for an org on a date, where each was set, and pending changes"},
        {"GET", "/api/v1/orgs/:id/policies/history", Needs(P::kOrgRead), h::PolicyHistory, "Every setting of one policy key for an org and its ancestors"},
        {"POST", "/api/v1/orgs/:id/policies", Needs(P::kOrgWrite), h::SetPolicy, "Change a policy of a committee from a date, with its document (audited)", Body::kJson},
        {"GET", "/api/v1/calendar", Needs(P::kOrgRead), h::GetCalendar, "A year's public holidays and adjusted working days (工作日历)"},
        {"PUT", "/api/v1/calendar/:year", Needs(P::kOrgWrite), h::LoadCalendarYear, "Replace a year's calendar from the State Council notice (audited)", Body::kJson},
        {"GET", "/api/v1/orgs/:id/history", Needs(P::kOrgRead), h::OrgHistory, "What reorganizations did to an org and the versions it continues"},
        {"POST", "/api/v1/reorganizations/preview", Needs(P::kOrgWrite), h::PreviewReorganization, "What a reorganization would change; writes nothing", Body::kJson},
        {"POST", "/api/v1/reorganizations", Needs(P::kOrgWrite), h::Reorganize, "Create, rename, move, merge, split or dissolve an org (audited)", Body::kJson},
        {"GET", "/api/v1/reorganizations", Needs(P::kOrgRead), h::ListReorganizations, "Reorganizations decided in the scope, newest first"},
        {"GET", "/api/v1/orgs/:id/overlay-counts", Needs(P::kOrgRead), h::OrgOverlayCounts, "Overlays, member units, part-time and linked members per child org"},
        {"GET", "/api/v1/overlays", Needs(P::kOrgRead), h::ListOverlays, "Overlays (大工委, 大党委, 联合党委 …) hosted in the scope"},
        {"POST", "/api/v1/overlays", Needs(P::kOrgWrite), h::CreateOverlay, "Create an overlay led by a host org (audited)", Body::kJson},
        {"GET", "/api/v1/overlays/:id", Needs(P::kOrgRead), h::GetOverlay, "One overlay with its units, convenor and turns"},
        {"PUT", "/api/v1/overlays/:id", Needs(P::kOrgWrite), h::UpdateOverlay, "Edit an overlay (audited)", Body::kJson},
        {"POST", "/api/v1/overlays/:id/units", Needs(P::kOrgWrite), h::AddOverlayUnit, "A member unit joins with its head (audited)", Body::kJson},
        {"POST", "/api/v1/overlays/:id/units/:unit_id/end", Needs(P::kOrgWrite), h::EndOverlayUnit, "A member unit leaves (audited)", Body::kJson},
        {"PUT", "/api/v1/overlays/:id/roster", Needs(P::kOrgWrite), h::SetOverlayRoster, "Set the rotating convenor's order, period and start (audited)", Body::kJson},
        {"GET", "/api/v1/overlays/:id/members", Needs(P::kMemberRead), h::ListOverlayMembers, "Registry members linked for dual identity (audited)"},
        {"POST", "/api/v1/overlays/:id/members", Needs(P::kOrgWrite), h::LinkOverlayMembers, "Link registry members for dual identity (audited)", Body::kJson},
        {"DELETE", "/api/v1/overlays/:id/members/:member_id", Needs(P::kOrgWrite), h::UnlinkOverlayMember, "End a member's dual-identity link (audited)"},
        {"GET", "/api/v1/positions", Needs(P::kOrgRead), h::ListPositions, "Party-mass service positions in scope, open now or not"},
        {"POST", "/api/v1/positions", Needs(P::kOrgWrite), h::CreatePosition, "Register a service position an org runs (audited)", Body::kJson},
        {"GET", "/api/v1/positions/:id", Needs(P::kOrgRead), h::GetPosition, "One service position"},
        {"PUT", "/api/v1/positions/:id", Needs(P::kOrgWrite), h::UpdatePosition, "Edit a service position (audited)", Body::kJson},
        {"POST", "/api/v1/positions/:id/close", Needs(P::kOrgWrite), h::ClosePosition, "Stop using a service position (audited)", Body::kJson},
        {"GET", "/api/v1/grids", Needs(P::kOrgRead), h::ListGrids, "Grids of an org's subtree with their boundary on a date, team and warnings"},
        {"POST", "/api/v1/grids", Needs(P::kOrgWrite), h::CreateGrid, "Create a grid in a community, with its first boundary as GeoJSON (audited)", Body::kJson},
        {"GET", "/api/v1/grids/locate", Needs(P::kOrgRead), h::LocateGrid, "The grid whose boundary on a date covers a point"},
        {"GET", "/api/v1/grids/export", Needs(P::kOrgRead), h::ExportGrids, "The grids of an org's subtree as a GeoJSON FeatureCollection"},
        {"GET", "/api/v1/grids/map", Needs(P::kOrgRead), h::GridMap, "The map's tile configuration (none by default)"},
        {"GET", "/api/v1/grids/:id", Needs(P::kOrgRead), h::GetGrid, "One grid with its boundary on a date, team and warnings"},
        {"PUT", "/api/v1/grids/:id", Needs(P::kOrgWrite), h::UpdateGrid, "Edit a grid's attributes and team (audited)", Body::kJson},
        {"POST", "/api/v1/grids/:id/boundary", Needs(P::kOrgWrite), h::RedrawGrid, "Redraw a grid from a date; the old boundary is kept (audited)", Body::kJson},
        {"GET", "/api/v1/grids/:id/history", Needs(P::kOrgRead), h::GridHistory, "Every boundary of a grid with its dates"},

        {"GET", "/api/v1/users", Needs(P::kUserRead), h::ListUsers, "Users in scope"},
        {"POST", "/api/v1/users", Needs(P::kUserManage), h::CreateUser, "Create a user with a role and a set-up link", Body::kJson},
        {"GET", "/api/v1/users/:id", Needs(P::kUserRead), h::GetUser, "One user"},
        {"POST", "/api/v1/users/:id/grants", Needs(P::kUserManage), h::AddGrant, "Grant a role on an org", Body::kJson},
        {"DELETE", "/api/v1/users/:id/grants/:grant_id", Needs(P::kUserManage), h::RemoveGrant, "Revoke a grant"},
        {"POST", "/api/v1/users/:id/reset", Needs(P::kUserManage), h::ResetUser, "New password link"},
        {"POST", "/api/v1/users/:id/unlock", Needs(P::kUserUnlock), h::UnlockUser, "Unlock after failed logins"},
        {"POST", "/api/v1/users/:id/disable", Needs(P::kUserManage), h::DisableUser, "Disable an account"},
        {"POST", "/api/v1/users/:id/enable", Needs(P::kUserManage), h::EnableUser, "Enable an account"},

        {"GET", "/api/v1/members", Needs(P::kMemberRead), h::ListMembers, "Members in scope (masked)"},
        {"POST", "/api/v1/members", Needs(P::kMemberWrite), h::RegisterMember, "Register one existing member in a branch (audited)", Body::kJson},
        {"GET", "/api/v1/members/export", Needs(P::kMemberRead), h::ExportMembers, "The member list as .xlsx or .csv (masked unless full; watermarked; audited)"},
        {"GET", "/api/v1/members/:id", Needs(P::kMemberRead), h::GetMember, "One member (masked, audited)"},
        {"PUT", "/api/v1/members/:id", Needs(P::kMemberWrite), h::UpdateMember, "Edit a member's registry fields (audited)", Body::kJson},
        {"POST", "/api/v1/members/:id/status", Needs(P::kMemberWrite), h::DecideMemberStatus, "Record a decision on party status: stop, restore, remove (audited)", Body::kJson},
        {"GET", "/api/v1/members/:id/lost-contact-searches", Needs(P::kMemberRead), h::ListLostContactSearches, "The search for a lost-contact member, newest first, with its reminder (audited)"},
        {"POST", "/api/v1/members/:id/lost-contact-searches", Needs(P::kMemberWrite), h::RecordLostContactSearch, "Record a search for a lost-contact member; 已联系上 clears the tag (audited)", Body::kJson},
        {"GET", "/api/v1/members/:id/account", Needs(P::kMemberRead), h::GetMemberAccount, "Whether the member has a sign-in account"},
        {"POST", "/api/v1/members/:id/account", Needs(P::kMemberWrite), h::OpenMemberAccount, "Open the member's account: a one-time set-up link to hand over (audited)", Body::kJson},
        {"POST", "/api/v1/members/:id/account/reset", Needs(P::kMemberWrite), h::ResetMemberAccount, "A new set-up link for the member's account; earlier ones end (audited)"},
        {"POST", "/api/v1/members/:id/reveal", Needs(P::kMemberReveal), h::RevealMember, "Full ID number and phone, for a stated reason (audited)", Body::kJson},
        {"GET", "/api/v1/development-cases", Needs(P::kMemberRead), h::ListDevelopmentCases, "Development pipeline board (masked)"},
        {"POST", "/api/v1/development-cases", Needs(P::kMemberWrite), h::CreateDevelopmentCase, "Register an application for membership", Body::kJson},
        {"GET", "/api/v1/development-cases/:id", Needs(P::kMemberRead), h::GetDevelopmentCase, "One case with steps and reminders (audited)"},
        {"POST", "/api/v1/development-cases/:id/steps", Needs(P::kMemberWrite), h::RecordDevelopmentStep, "Record the next step with its evidence", Body::kJson},
        {"GET", "/api/v1/transfers", Needs(P::kMemberRead), h::ListTransfers, "Transfers sent from or addressed to the scope"},
        {"POST", "/api/v1/transfers", Needs(P::kMemberWrite), h::RequestTransfer, "Request a transfer of a member", Body::kJson},
        {"POST", "/api/v1/transfers/incoming", Needs(P::kTransferIssue), h::RegisterIncomingTransfer, "Register a letter from an org outside this system", Body::kJson},
        {"GET", "/api/v1/transfers/destinations", Needs(P::kMemberWrite), h::TransferDestinations, "Orgs a letter may be addressed to (names only)"},
        {"GET", "/api/v1/transfers/:id", Needs(P::kMemberRead), h::GetTransfer, "One transfer with its events (audited)"},
        {"POST", "/api/v1/transfers/:id/actions", Needs(P::kMemberWrite), h::ActOnTransfer, "Issue, accept, refuse, cancel or record the receipt", Body::kJson},
        {"GET", "/api/v1/members/:id/floating", Needs(P::kMemberRead), h::GetMemberFloating, "The member's floating records with notes and reminders (audited)"},
        {"POST", "/api/v1/members/:id/floating", Needs(P::kMemberWrite), h::OpenFloating, "Register a member as floating (外出登记; audited)", Body::kJson},
        {"PUT", "/api/v1/floating/:id", Needs(P::kMemberWrite), h::UpdateFloating, "Edit an open floating record (audited)", Body::kJson},
        {"POST", "/api/v1/floating/:id/reports", Needs(P::kMemberWrite), h::AddFloatingNote, "Append a report, contact, participation or dues note (audited)", Body::kJson},
        {"POST", "/api/v1/floating/:id/return", Needs(P::kMemberWrite), h::ReturnFloating, "Register the member's return; closes the record (audited)", Body::kJson},
        {"GET", "/api/v1/orgs/:id/floating-out", Needs(P::kMemberRead), h::ListFloatingOut, "Floating members of the subtree with their next reminder (流出)"},
        {"GET", "/api/v1/orgs/:id/floating-in", Needs(P::kMemberRead), h::ListFloatingIn, "Members taking part in the subtree's orgs, minimal fields (流入)"},
        {"POST", "/api/v1/imports/preview", Needs(P::kMemberWrite), h::PreviewImport, "Check a member sheet row by row; writes nothing", Body::kFile},
        {"POST", "/api/v1/imports", Needs(P::kMemberWrite), h::CommitImport, "Import the good rows of a member sheet (audited)", Body::kFile},
        {"GET", "/api/v1/imports", Needs(P::kMemberWrite), h::ListImports, "Imports into the scope, newest first"},
        {"GET", "/api/v1/imports/template", Access::kAuthenticated, h::ImportTemplate, "An empty member sheet with the known columns"},
        {"POST", "/api/v1/imports/:id/undo", Needs(P::kMemberWrite), h::UndoImport, "Undo a whole import within 7 days (audited)"},
        {"POST", "/api/v1/imports/orgs/preview", Needs(P::kOrgWrite), h::PreviewOrgImport, "Check an org sheet row by row; writes nothing", Body::kFile},
        {"POST", "/api/v1/imports/orgs", Needs(P::kOrgWrite), h::CommitOrgImport, "Set up the good rows of an org sheet (audited)", Body::kFile},
        {"GET", "/api/v1/imports/orgs", Needs(P::kOrgWrite), h::ListOrgImports, "Org imports into the scope, newest first"},
        {"GET", "/api/v1/imports/orgs/template", Access::kAuthenticated, h::OrgImportTemplate, "An empty org sheet with the known columns"},
        {"GET", "/api/v1/me", Access::kAuthenticated, h::Me, "Own user and member record"},
        {"GET", "/api/v1/me/views", Access::kAuthenticated, h::MyViews, "Who viewed my record"},

        {"GET", "/api/v1/event-categories", Needs(P::kEventRead), h::ListEventCategories, "The two-level event category dictionary with each leaf's SLA class"},
        {"GET", "/api/v1/events", Needs(P::kEventRead), h::ListEvents, "Events in scope: all, mine, due soon or overdue, by state and category"},
        {"POST", "/api/v1/events", Needs(P::kEventWrite), h::CreateEvent, "Register an event (the hotline operator's form; audited)", Body::kJson},
        {"GET", "/api/v1/events/:id", Needs(P::kEventRead), h::GetEvent, "One event with its flow log, whistles and the actions allowed now (audited)"},
        {"POST", "/api/v1/events/:id/actions", Needs(P::kEventWrite), h::ActOnEvent, "Take a step of the closed loop: dispatch, handle, verify, whistle … (audited)", Body::kJson},

        {"GET", "/api/v1/event-rates", Needs(P::kEventRead), h::GetEventRates, "The rates of an org's events per grid, community, street, department, category or month"},
        {"GET", "/api/v1/event-rates/export", Needs(P::kEventRead), h::ExportEventRates, "The rates board as an .xlsx sheet"},

        {"GET", "/api/v1/audit", Needs(P::kAuditRead), h::ListAudit, "Audit log of the caller's scope"},
        {"GET", "/api/v1/audit/verify", Needs(P::kAuditRead), h::VerifyAudit, "Verify the audit hash chain"},
    };
    // clang-format on
    return kRoutes;
}

}  // namespace lianxin::http
