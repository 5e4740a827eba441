// Every handler: parse -> one use case -> render. None decides a permission or touches storage.
#pragma once

#include "core/common/result.hpp"
#include "http/http_types.hpp"

namespace lianxin::http::handlers {

#define LX_HANDLER(name) core::Result<Response> name(Call& call)

LX_HANDLER(Healthz);
LX_HANDLER(Readyz);
LX_HANDLER(SetupInfo);
LX_HANDLER(SetupComplete);
LX_HANDLER(Login);
LX_HANDLER(Logout);
LX_HANDLER(SessionInfo);
LX_HANDLER(TotpEnroll);
LX_HANDLER(TotpVerify);
LX_HANDLER(ChangePassword);
LX_HANDLER(RequestCode);
LX_HANDLER(VerifyCode);
LX_HANDLER(IntakeLimits);
LX_HANDLER(SentCodes);
LX_HANDLER(UploadPhoto);
LX_HANDLER(GetPhoto);
// A resident's own events (issue 17).
LX_HANDLER(ResidentCategories);
LX_HANDLER(ResidentPlaces);
LX_HANDLER(ReportResidentEvent);
LX_HANDLER(MyResidentEvents);
LX_HANDLER(FollowResidentEvent);
LX_HANDLER(ConfirmResidentEvent);
LX_HANDLER(ListRoles);
LX_HANDLER(Dictionaries);
LX_HANDLER(OrgRoots);
LX_HANDLER(OrgChildren);
LX_HANDLER(OrgDetail);
LX_HANDLER(RevealMember);
LX_HANDLER(ListDevelopmentCases);
LX_HANDLER(OrgElectorate);
LX_HANDLER(OrgCommittee);
LX_HANDLER(AppointPost);
LX_HANDLER(EndPost);
LX_HANDLER(CreateDevelopmentCase);
LX_HANDLER(GetDevelopmentCase);
LX_HANDLER(RecordDevelopmentStep);
LX_HANDLER(ListTransfers);
LX_HANDLER(RequestTransfer);
LX_HANDLER(RegisterIncomingTransfer);
LX_HANDLER(GetTransfer);
LX_HANDLER(ActOnTransfer);
LX_HANDLER(ListEventCategories);
LX_HANDLER(ListEvents);
LX_HANDLER(CreateEvent);
LX_HANDLER(GetEvent);
LX_HANDLER(ActOnEvent);
// Duplicates, the merge and the people of an assignee org (duplicate_handlers.cpp).
LX_HANDLER(ListEventDuplicates);
LX_HANDLER(ProbeEventDuplicates);
LX_HANDLER(MergeEvent);
LX_HANDLER(ListEventAssignees);
// 日巡 patrols, 民情面对面 sessions and 大走访 household visits (patrol_handlers.cpp).
LX_HANDLER(ListPatrols);
LX_HANDLER(StartPatrol);
LX_HANDLER(PatrolDuty);
LX_HANDLER(GetPatrol);
LX_HANDLER(UpdatePatrol);
LX_HANDLER(AddPatrolFinding);
LX_HANDLER(RaisePatrolFinding);
LX_HANDLER(EventOrigin);
// The supervision board (督办看板, issue 17 "Pages"; board_handlers.cpp).
LX_HANDLER(GetEventBoard);
LX_HANDLER(ListVisitClears);
LX_HANDLER(ListHouseholdVisits);
LX_HANDLER(RecordHouseholdVisit);
LX_HANDLER(GetHouseholdVisit);
LX_HANDLER(RaiseHouseholdNeed);
LX_HANDLER(ListVisitSessions);
LX_HANDLER(RecordVisitSession);
LX_HANDLER(GetVisitSession);
LX_HANDLER(RaiseSessionProblem);
LX_HANDLER(TransferDestinations);
LX_HANDLER(GetMemberFloating);
LX_HANDLER(OpenFloating);
LX_HANDLER(UpdateFloating);
LX_HANDLER(AddFloatingNote);
LX_HANDLER(ReturnFloating);
LX_HANDLER(ListFloatingOut);
LX_HANDLER(ListFloatingIn);
LX_HANDLER(ListLostContactSearches);
LX_HANDLER(RecordLostContactSearch);
LX_HANDLER(GetMemberAccount);
LX_HANDLER(OpenMemberAccount);
LX_HANDLER(ResetMemberAccount);
LX_HANDLER(PreviewImport);
LX_HANDLER(CommitImport);
LX_HANDLER(ListImports);
LX_HANDLER(UndoImport);
LX_HANDLER(ImportTemplate);
LX_HANDLER(ExportMembers);
LX_HANDLER(PreviewReorganization);
LX_HANDLER(Reorganize);
LX_HANDLER(ListReorganizations);
LX_HANDLER(OrgHistory);
LX_HANDLER(ListOverlays);
LX_HANDLER(CreateOverlay);
LX_HANDLER(GetOverlay);
LX_HANDLER(UpdateOverlay);
LX_HANDLER(AddOverlayUnit);
LX_HANDLER(EndOverlayUnit);
LX_HANDLER(SetOverlayRoster);
LX_HANDLER(ListOverlayMembers);
LX_HANDLER(LinkOverlayMembers);
LX_HANDLER(UnlinkOverlayMember);
LX_HANDLER(OrgOverlayCounts);
LX_HANDLER(RegisterMember);
LX_HANDLER(PreviewOrgImport);
LX_HANDLER(CommitOrgImport);
LX_HANDLER(ListOrgImports);
LX_HANDLER(OrgImportTemplate);
// hotline_handlers.cpp
LX_HANDLER(PreviewHotlineImport);
LX_HANDLER(CommitHotlineImport);
LX_HANDLER(HotlineImportTemplate);
LX_HANDLER(ListPositions);
LX_HANDLER(GetPosition);
LX_HANDLER(CreatePosition);
LX_HANDLER(UpdatePosition);
LX_HANDLER(ClosePosition);
LX_HANDLER(ListGrids);
LX_HANDLER(GetGrid);
LX_HANDLER(CreateGrid);
LX_HANDLER(UpdateGrid);
LX_HANDLER(RedrawGrid);
LX_HANDLER(GridHistory);
LX_HANDLER(LocateGrid);
LX_HANDLER(ExportGrids);
LX_HANDLER(GridMap);
LX_HANDLER(PreviewGridImport);
LX_HANDLER(CommitGridImport);
LX_HANDLER(ListPolicies);
LX_HANDLER(PolicyHistory);
LX_HANDLER(SetPolicy);
LX_HANDLER(GetCalendar);
LX_HANDLER(LoadCalendarYear);
LX_HANDLER(OrgGroups);
LX_HANDLER(CreateGroup);
LX_HANDLER(UpdateGroup);
LX_HANDLER(SetGroupMembers);
LX_HANDLER(CloseGroup);
LX_HANDLER(AddCoveredUnit);
LX_HANDLER(EndCoveredUnit);
LX_HANDLER(ListUsers);
LX_HANDLER(CreateUser);
LX_HANDLER(GetUser);
LX_HANDLER(AddGrant);
LX_HANDLER(RemoveGrant);
LX_HANDLER(ResetUser);
LX_HANDLER(UnlockUser);
LX_HANDLER(DisableUser);
LX_HANDLER(EnableUser);
LX_HANDLER(ListMembers);
LX_HANDLER(GetMember);
LX_HANDLER(UpdateMember);
LX_HANDLER(DecideMemberStatus);
LX_HANDLER(Me);
LX_HANDLER(MyViews);
LX_HANDLER(ListAudit);
LX_HANDLER(VerifyAudit);

// Open311 GeoReport v2 (open311_handlers.cpp) and the admin's api keys (open311_key_handlers.cpp).
LX_HANDLER(Open311Services);
LX_HANDLER(Open311ServiceDefinition);
LX_HANDLER(Open311Requests);
LX_HANDLER(Open311Request);
LX_HANDLER(Open311Post);
LX_HANDLER(ListOpen311Keys);
LX_HANDLER(IssueOpen311Key);
LX_HANDLER(RevokeOpen311Key);

#undef LX_HANDLER

}  // namespace lianxin::http::handlers
