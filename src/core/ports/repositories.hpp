// The storage port: repository interfaces the use cases call inside one transaction. Implemented once in
// SQL (storage/sql) over SQLite and PostgreSQL. Every list call takes a scope; no call lists unscoped.
// All calls return kUnavailable when the database is busy, locked, full or unreachable.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/throttle.hpp"
#include "core/common/result.hpp"
#include "core/member/member.hpp"
#include "core/policy/policies.hpp"
#include "core/ports/calendar_records.hpp"
#include "core/ports/event_records.hpp"
#include "core/ports/fieldwork_records.hpp"
#include "core/ports/floating_records.hpp"
#include "core/ports/grid_records.hpp"
#include "core/ports/group_records.hpp"
#include "core/ports/import_records.hpp"
#include "core/ports/intake_records.hpp"
#include "core/ports/lost_contact_records.hpp"
#include "core/ports/open311_records.hpp"
#include "core/ports/overlay_records.hpp"
#include "core/ports/position_records.hpp"
#include "core/ports/records.hpp"
#include "core/ports/reorg_records.hpp"
#include "core/ports/scope.hpp"
#include "core/ports/transfer_records.hpp"

namespace lianxin::core::ports {

class OrgRepo {
public:
    virtual ~OrgRepo() = default;
    virtual Result<std::optional<org::Org>> Get(std::int64_t id) = 0;
    virtual Result<std::vector<OrgView>> Children(std::int64_t parent_id, const Date& as_of) = 0;
    virtual Result<std::vector<OrgView>> ByPaths(const std::vector<std::string>& paths, const Date& as_of) = 0;
    // Inserts a new org under parent (path computed from the parent); returns the id.
    virtual Result<std::int64_t> Insert(const org::Org& o) = 0;
    virtual Result<std::int64_t> CountAll() = 0;
    // Orgs valid on `as_of` whose name contains `text`, shortest names first (a destination picker).
    virtual Result<std::vector<org::Org>> FindByName(const std::string& text, const Date& as_of, int limit) = 0;
    // Orgs without a parent (the tops of the statutory tree), oldest first.
    virtual Result<std::vector<org::Org>> Roots() = 0;
    // Members whose formal affiliation is this org (not the subtree), normal and in the registry on `as_of`.
    virtual Result<org::Headcount> Headcount(std::int64_t org_id, const Date& as_of) = 0;
    // The same over the whole subtree at `path`.
    virtual Result<org::Headcount> SubtreeHeadcount(const std::string& path, const Date& as_of) = 0;
    // Committee posts valid on `as_of`, secretary first, with the holders' names.
    virtual Result<std::vector<OrgPost>> Posts(std::int64_t org_id, const Date& as_of) = 0;
    virtual Result<std::optional<OrgPost>> GetPost(std::int64_t post_id) = 0;
    virtual Result<std::int64_t> InsertPost(const OrgPost& p, std::int64_t by, std::int64_t at) = 0;
    // Ends a post on `on` (exclusive); kConflict when it already ended.
    virtual Status EndPost(std::int64_t post_id, const Date& on) = 0;
    // Orgs valid on `as_of` in the subtree at `path` (the org itself included), by path.
    virtual Result<std::vector<org::Org>> InSubtree(const std::string& path, const Date& as_of) = 0;
    // Writes name, short name, type and place; kConflict when the stored version differs from o.version.
    virtual Status Update(const org::Org& o) = 0;
    // Closes the org on `on` (its valid_to); kConflict when it already closed or the version is stale.
    virtual Status Close(const org::Org& o, const Date& on) = 0;
    // What a reorganization plan needs to know of the org on `on` (core/org/reorganization.hpp); its own
    // members one by one only when `with_members`.
    virtual Result<org::OrgFacts> Facts(const org::Org& o, const Date& on, bool with_members) = 0;
    // The posts of `from` valid on `on` end that day and continue in `to` with the same term; how many.
    virtual Result<int> CarryPosts(std::int64_t from, std::int64_t to, const Date& on, std::int64_t by,
                                   std::int64_t at) = 0;
    // The posts of the org valid on `on` end that day (only those held by `member_ids` unless empty); how many.
    virtual Result<int> EndPosts(std::int64_t org_id, const Date& on, const std::vector<std::int64_t>& member_ids) = 0;
    // The names that orgs renamed after `as_of` had on that day (id → name then); orgs not renamed since are absent.
    virtual Result<std::map<std::int64_t, std::string>> NamesOn(const std::vector<std::int64_t>& ids,
                                                                const Date& as_of) = 0;
};

class PositionRepo {
public:
    virtual ~PositionRepo() = default;
    virtual Result<std::int64_t> Insert(const PositionRecord& p) = 0;
    virtual Result<std::optional<PositionRecord>> Get(std::int64_t id) = 0;
    // Writes the attributes (not the org); kConflict when the stored version differs from p.version.
    virtual Status Update(const PositionRecord& p) = 0;
    // Closes the position on `on`; kConflict when it already closed or the version is stale.
    virtual Status Close(const PositionRecord& p, const Date& on) = 0;
    // Positions valid on q.as_of inside the scope, by org path then id.
    virtual Result<std::vector<PositionRecord>> List(const PositionQuery& q) = 0;
    // The open positions of `from_org` are run by `to` from now on (a reorganization); how many.
    virtual Result<int> MoveAll(std::int64_t from_org, const org::Org& to) = 0;
    // The open positions of the org close on `on` (it is dissolved); how many.
    virtual Result<int> CloseAll(std::int64_t org_id, const Date& on) = 0;
};

// Grids (网格) and their boundary versions (migration 0028). Boxes are kept in integer 1e-7 degrees, rounded outwards.
class GridRepo {
public:
    virtual ~GridRepo() = default;
    // The grid row and its team; kConflict (key "grid.code.taken") when the code is used already.
    virtual Result<std::int64_t> Insert(const grid::Grid& g) = 0;
    virtual Result<std::optional<grid::Grid>> Get(std::int64_t id) = 0;
    // Attributes and team (not the org or the code); kConflict when the stored version differs from g.version.
    virtual Status Update(const grid::Grid& g) = 0;
    // Grids in the query's scope, by org path then code, with their teams.
    virtual Result<std::vector<grid::Grid>> List(const GridQuery& q) = 0;
    virtual Result<std::int64_t> InsertVersion(const grid::GridVersion& v) = 0;
    // Sets valid_to of an open version; kConflict when it is not open.
    virtual Status CloseVersion(std::int64_t version_id, const Date& on) = 0;
    // Every boundary version of the grid, oldest first.
    virtual Result<std::vector<grid::GridVersion>> Versions(std::int64_t grid_id) = 0;
    // The versions valid on `on` of the grids of the org `org_id` (a community), by grid id.
    virtual Result<std::vector<grid::GridVersion>> VersionsOfOrg(std::int64_t org_id, const Date& on) = 0;
    // Versions valid on `on` whose box holds the point, of grids inside `scope_roots` (the spatial index).
    virtual Result<std::vector<LocatedVersion>> Locate(const grid::LngLat& p, const Date& on,
                                                       const std::vector<std::string>& scope_roots) = 0;
};

class GroupRepo {
public:
    virtual ~GroupRepo() = default;
    virtual Result<std::int64_t> Insert(const PartyGroupRecord& g) = 0;
    virtual Result<std::optional<PartyGroupRecord>> Get(std::int64_t id) = 0;
    // Writes name, scope and leader; kConflict when the stored version differs from g.version.
    virtual Status Update(const PartyGroupRecord& g) = 0;
    // Closes the group on `on` and lets its members go; kConflict when closed already or stale.
    virtual Status Close(const PartyGroupRecord& g, const Date& on) = 0;
    // The groups of the branch open on `as_of`, with their current members (members of the branch now).
    virtual Result<std::vector<PartyGroupRecord>> OfOrg(std::int64_t org_id, const Date& as_of) = 0;
    // The group holds exactly `member_ids` (taken from any other group they were in); bumps its version.
    virtual Status SetMembers(const PartyGroupRecord& g, const std::vector<std::int64_t>& member_ids) = 0;
    virtual Result<std::int64_t> InsertUnit(const CoveredUnitRecord& u) = 0;
    virtual Result<std::optional<CoveredUnitRecord>> GetUnit(std::int64_t id) = 0;
    // Units the org covers on `as_of`.
    virtual Result<std::vector<CoveredUnitRecord>> Units(std::int64_t org_id, const Date& as_of) = 0;
    // The unit no longer belongs from `on`; kConflict when it ended already.
    virtual Status EndUnit(std::int64_t unit_id, const Date& on) = 0;
    // A reorganization hands the open groups and covered units of `from_org` to `to` (all its members went there):
    // groups when `to` is a branch, units when it is a joint branch; the others close on `on`.
    virtual Result<int> MoveAll(std::int64_t from_org, const org::Org& to, const Date& on) = 0;
    // The open groups and covered units of a closing org close on `on`.
    virtual Result<int> CloseAll(std::int64_t org_id, const Date& on) = 0;
};

class ReorgRepo {
public:
    virtual ~ReorgRepo() = default;
    virtual Result<std::int64_t> Insert(const ReorgRecord& r) = 0;
    virtual Status AppendHistory(const OrgHistoryEntry& e) = 0;
    // The history of the org and of the versions it continues, newest first.
    virtual Result<std::vector<OrgHistoryEntry>> History(std::int64_t org_id) = 0;
    // Reorganizations decided inside the scope, newest first.
    virtual Result<std::vector<ReorgRecord>> List(const ReorgQuery& q) = 0;
};

// Overlays (大工委 / 大党委 / 联合党委 / 联盟 / 联席会议): never orgs, never parents; nothing here writes orgs or
// members' affiliation.
class OverlayRepo {
public:
    virtual ~OverlayRepo() = default;
    // The overlay with its host's name and the rotation order from its units' roster positions.
    virtual Result<std::optional<org::Overlay>> Get(std::int64_t id) = 0;
    // Overlays whose host lies inside the scope (and the subtree, if given), by host path then id, with counts.
    virtual Result<std::vector<OverlaySummary>> List(const OverlayQuery& q) = 0;
    virtual Result<std::int64_t> Insert(const org::Overlay& o, std::int64_t by, std::int64_t at) = 0;
    // Writes kind, name, dates, meeting period, note and the rotation's period and start (not the order) and
    // bumps the version; kConflict when the stored version differs from o.version.
    virtual Status Update(const org::Overlay& o, std::int64_t at) = 0;
    // The member units, in the order they joined (ended ones too).
    virtual Result<std::vector<org::MemberUnit>> Units(std::int64_t overlay_id) = 0;
    virtual Result<std::int64_t> InsertUnit(const org::MemberUnit& u, std::int64_t by, std::int64_t at) = 0;
    // The unit leaves on `on`; kConflict when it already left.
    virtual Status EndUnit(std::int64_t unit_id, const Date& on) = 0;
    // The roster positions of the overlay's units become `order` (others none).
    virtual Status SetRoster(std::int64_t overlay_id, const std::vector<std::int64_t>& order) = 0;
    // Links open on `on` (valid_from ≤ on, no end or ending after it), by member name.
    virtual Result<std::vector<OverlayLink>> Links(std::int64_t overlay_id, const Date& on) = 0;
    // Opens a link from `from` for each member without an open one; how many were opened.
    virtual Result<int> Link(std::int64_t overlay_id, const std::vector<std::int64_t>& member_ids, const Date& from,
                             std::int64_t by, std::int64_t at) = 0;
    // Ends the member's open link on `on`; kNotFound when there is none.
    virtual Status Unlink(std::int64_t overlay_id, std::int64_t member_id, const Date& on) = 0;
    // What the overlays hosted inside the subtree at `path` hold on `on`, summed (linked members distinct).
    virtual Result<org::OverlayCounts> CountsIn(const std::string& path, const Date& on) = 0;
    // Overlays hosted by `from` are hosted by `to` from now on (a reorganization's new version or remaining org).
    virtual Result<int> MoveHost(std::int64_t from, const org::Org& to) = 0;
};

class MemberRepo {
public:
    virtual ~MemberRepo() = default;
    virtual Result<std::optional<member::Member>> Get(std::int64_t id) = 0;
    virtual Result<std::vector<member::Member>> List(const MemberQuery& q) = 0;
    virtual Result<std::int64_t> Insert(const member::Member& m) = 0;
    virtual Result<std::optional<std::int64_t>> FindByIdNumber(const std::string& id_number) = 0;
    // Writes category, status, dates and leaving; kConflict when the stored version differs from m.version.
    virtual Status UpdateStatus(const member::Member& m) = 0;
    // Writes the registry fields a branch edits (contact, work, address, tags, skills, occupation, floating
    // destination, lost-contact date) and updated_at; kConflict when the stored version differs from m.version.
    virtual Status UpdateRegistry(const member::Member& m) = 0;
    // Full members with normal status, converted on or before `on` (or of unknown date), affiliated with branch
    // `org_id` on `on`:
    // the voting electorate of a general meeting (domain.md §2.2 row 13).
    virtual Result<int> CountVoting(std::int64_t org_id, const Date& on) = 0;
    // Moves the member's formal affiliation to `org` from `on`: closes the current period in the history
    // (linked to the transfer) and opens the new one; kConflict on a stale version.
    virtual Status Move(const member::Member& m, const org::Org& to, const Date& on, std::int64_t transfer_id) = 0;
    virtual Status AppendStatusChange(std::int64_t member_id, const StatusChangeRecord& c) = 0;
    virtual Result<std::vector<StatusChangeRecord>> StatusChanges(std::int64_t member_id) = 0;
    // The member's affiliations, oldest first, the current one last (valid_to empty unless they left).
    virtual Result<std::vector<AffiliationPeriod>> Affiliations(std::int64_t member_id) = 0;
    // Deletes a member created by mistake (an import undone): kConflict ("member.referenced") when the version
    // differs from m.version or anything refers to the member (a post, a transfer, a case, a user, a decision,
    // an earlier affiliation).
    virtual Status DeleteUnreferenced(const member::Member& m) = 0;
    // Moves the members of `from_org` still in the registry (only `member_ids` unless empty) to `to` from `on`
    // for reorganization `reorg_id`, closing their periods in the history; how many moved.
    virtual Result<int> MoveAll(std::int64_t from_org, const org::Org& to, const Date& on, std::int64_t reorg_id,
                                const std::vector<std::int64_t>& member_ids) = 0;
};

class ImportRepo {
public:
    virtual ~ImportRepo() = default;
    virtual Result<std::int64_t> Insert(const ImportRecord& r) = 0;
    virtual Status AppendRow(std::int64_t import_id, const ImportRowRecord& row) = 0;
    virtual Result<std::optional<ImportRecord>> Get(std::int64_t id) = 0;
    // Newest first.
    virtual Result<std::vector<ImportRecord>> List(const ImportQuery& q) = 0;
    virtual Result<std::vector<ImportRowRecord>> Rows(std::int64_t import_id) = 0;
    // Marks the import undone; kConflict when r.version is stale (a concurrent undo won).
    virtual Status MarkUndone(const ImportRecord& r) = 0;
    virtual Status AppendOrg(std::int64_t import_id, const ImportOrgRecord& row) = 0;
    // The orgs an org import created, in sheet order.
    virtual Result<std::vector<ImportOrgRecord>> Orgs(std::int64_t import_id) = 0;
};

class TransferRepo {
public:
    virtual ~TransferRepo() = default;
    virtual Result<std::optional<TransferRecord>> Get(std::int64_t id) = 0;
    virtual Result<std::vector<TransferRecord>> List(const TransferQuery& q) = 0;
    // Inserts with its first event; kConflict when the member already has an open transfer.
    virtual Result<std::int64_t> Insert(const TransferRecord& t, const TransferEvent& first, std::int64_t at) = 0;
    // Writes state, dates, letter, placement, member link and due; kConflict on a stale version.
    virtual Status Update(const TransferRecord& t, std::int64_t at) = 0;
    virtual Result<std::vector<TransferEvent>> Events(std::int64_t transfer_id) = 0;
    // Appends an event; kConflict when `seq` is taken.
    virtual Status AppendEvent(std::int64_t transfer_id, const TransferEvent& e) = 0;
};

// The floating-member register (domain.md §5.3): records and their append-only notes. Nothing here writes the
// member's affiliation.
class FloatingRepo {
public:
    virtual ~FloatingRepo() = default;
    virtual Result<std::optional<FloatingRecord>> Get(std::int64_t id) = 0;
    // Records in the scope (q.inflow: by the participating org's path, else by the member's org), by id.
    virtual Result<std::vector<FloatingRecord>> List(const FloatingQuery& q) = 0;
    // The member's records, newest first (unscoped: the caller has checked the member).
    virtual Result<std::vector<FloatingRecord>> OfMember(std::int64_t member_id) = 0;
    // kConflict when the member already has an open record.
    virtual Result<std::int64_t> Insert(const FloatingRecord& r, std::int64_t at) = 0;
    // Writes the facts and bumps the version; kConflict when the stored version differs from r.version.
    virtual Status Update(const FloatingRecord& r, std::int64_t at) = 0;
    virtual Result<std::vector<FloatingNote>> Notes(std::int64_t record_id) = 0;
    // Appends a note with the next sequence number; kConflict when a concurrent note took it.
    virtual Status AppendNote(std::int64_t record_id, const FloatingNote& n) = 0;
    // A reorganization: the open records taking part in `from_org` take part in `to` (a moved or merged org), or
    // keep only its name when it closes without a successor (`to` empty); a rename renames. How many changed.
    virtual Result<int> FollowInflowOrg(std::int64_t from_org, const std::optional<org::Org>& to) = 0;
    virtual Result<int> RenameInflowOrg(std::int64_t org_id, const std::string& name) = 0;
};

// The search for lost-contact members (domain.md §2.5): append-only entries per member.
class LostContactRepo {
public:
    virtual ~LostContactRepo() = default;
    // The member's entries, newest first (by day, then by entry); unscoped: the caller has checked the member.
    virtual Result<std::vector<LostContactRecord>> OfMember(std::int64_t member_id) = 0;
    virtual Result<std::int64_t> Append(const LostContactRecord& r) = 0;
};

// Events (core/event): the row, its append-only flow log and its whistles. Get is unscoped (the caller checks the
// actor's relation to the event); List takes the scope.
class EventRepo {
public:
    virtual ~EventRepo() = default;
    // The two-level category dictionary, top categories and their leaves by sort order.
    virtual Result<std::vector<event::Category>> Categories() = 0;
    // The next event sequence number of `year` (1, 2, …), counted in the transaction.
    virtual Result<std::int64_t> NextNumber(int year) = 0;
    // kConflict ("event.external_ref.taken") when the channel already has an event with that work-order number.
    virtual Result<std::int64_t> Insert(const event::Event& e) = 0;
    // Whether the channel has an event with that work-order number (a hotline import skips it), whatever its org.
    virtual Result<bool> ExternalRefTaken(const std::string& channel, const std::string& external_ref) = 0;
    virtual Result<std::optional<EventRecord>> Get(std::int64_t id) = 0;
    // Writes the loop's fields; kConflict when the stored version differs from e.version.
    virtual Status Update(const event::Event& e) = 0;
    virtual Result<std::vector<EventRecord>> List(const EventQuery& q) = 0;
    virtual Result<std::int64_t> AppendFlow(const EventFlowEntry& f) = 0;
    // The event's flow log, oldest first.
    virtual Result<std::vector<EventFlowEntry>> Flow(std::int64_t event_id) = 0;
    virtual Result<std::int64_t> InsertWhistle(const EventWhistle& w) = 0;
    virtual Result<std::vector<EventWhistle>> Whistles(std::int64_t event_id) = 0;
    // Writes the report and close fields of a whistle.
    virtual Status UpdateWhistle(const EventWhistle& w) = 0;
    // A resident's own events (issue 17): by the keyed blind index of their phone, newest first.
    virtual Result<std::vector<EventRecord>> OfReporter(const std::string& reporter_key, int limit) = 0;
    // The event of a follow link, by the SHA-256 of its token.
    virtual Result<std::optional<EventRecord>> ByFollowToken(const std::string& token_hash) = 0;
    // Counts one more report of the phone on `day` (YYYY-MM-DD) in one atomic step and answers that day's count.
    virtual Result<int> CountReport(const std::string& phone_key, const std::string& day) = 0;
    // The org paths of closed events whose residents' data is still held (the retention purge's orgs).
    virtual Result<std::vector<std::string>> RetainedOrgPaths() = 0;
    // Closing the loop (migration 0037; storage/sql/event_loop_repo.cpp): the events that carry a photo (the intake's
    // or a step's after photos; those the scope sees), and the sweep's candidates for 督办 — events whose handler's
    // clock runs (core/event/supervision.hpp ClockRuns), past their handle-by at `now`, with no 督办 row for that
    // deadline yet — oldest first.
    virtual Result<std::vector<std::int64_t>> EventsWithPhoto(const std::string& photo_id) = 0;
    virtual Result<std::vector<EventRecord>> DueForSupervision(std::int64_t now, int limit) = 0;
    // Blanks reporter name, phone, key and follow token of the org's events closed before `closed_before`, and
    // sets resident_purged_at = now; how many events.
    virtual Result<int> PurgeResidentData(const std::string& org_path, std::int64_t closed_before,
                                          std::int64_t now) = 0;
};

// 日巡 patrols, 民情面对面 sessions and 大走访 household visits (core/patrol, core/visit) and their items (findings,
// problems, needs). Gets are unscoped (the caller checks the actor against the record's org); lists take the scope.
// Residents' names and phones and the 六清楚 answers are encrypted by storage.
class FieldworkRepo {
public:
    virtual ~FieldworkRepo() = default;
    virtual Result<std::int64_t> InsertPatrol(const patrol::Patrol& p) = 0;
    // Without its findings (Items).
    virtual Result<std::optional<patrol::Patrol>> GetPatrol(std::int64_t id) = 0;
    // Writes end time, route and note and bumps the version; kConflict when the stored version differs.
    virtual Status UpdatePatrol(const patrol::Patrol& p) = 0;
    virtual Result<std::vector<patrol::Patrol>> ListPatrols(const PatrolQuery& q) = 0;
    // Patrols per grid and day from `from` to `to` (inclusive) in the scope.
    virtual Result<std::vector<PatrolCount>> CountPatrols(const std::vector<std::string>& scope_roots, const Date& from,
                                                          const Date& to) = 0;
    virtual Result<std::int64_t> InsertSession(const visit::Session& s) = 0;
    virtual Result<std::optional<visit::Session>> GetSession(std::int64_t id) = 0;
    virtual Result<std::vector<visit::Session>> ListSessions(const VisitQuery& q) = 0;
    virtual Result<std::int64_t> InsertVisit(const visit::HouseholdVisit& v) = 0;
    virtual Result<std::optional<visit::HouseholdVisit>> GetVisit(std::int64_t id) = 0;
    virtual Result<std::vector<visit::HouseholdVisit>> ListVisits(const VisitQuery& q) = 0;
    // Items of a record, by seq, with the number of the event each raised. Insert: kConflict when seq is taken.
    virtual Status InsertItem(patrol::ItemKind kind, std::int64_t record_id, const patrol::Item& item) = 0;
    virtual Result<std::vector<patrol::Item>> Items(patrol::ItemKind kind, std::int64_t record_id) = 0;
    // Links an item to the event it raised; kConflict ("fieldwork.item.raised") when it already raised one.
    virtual Status LinkEvent(patrol::ItemKind kind, std::int64_t record_id, int seq, std::int64_t event_id) = 0;
    virtual Result<std::optional<ItemOrigin>> OriginOf(std::int64_t event_id) = 0;
};

class DevelopmentRepo {
public:
    virtual ~DevelopmentRepo() = default;
    virtual Result<std::optional<DevelopmentRecord>> Get(std::int64_t id) = 0;
    virtual Result<std::vector<DevelopmentRecord>> List(const DevelopmentCaseQuery& q) = 0;
    virtual Result<std::optional<std::int64_t>> FindByIdNumber(const std::string& id_number) = 0;
    virtual Result<std::int64_t> Insert(const DevelopmentRecord& c, std::int64_t at) = 0;
    // Writes stage, due date and member link; kConflict when the stored version differs from c.version.
    virtual Status UpdateState(const DevelopmentRecord& c, std::int64_t at) = 0;
    virtual Result<std::vector<StepRecord>> Steps(std::int64_t candidate_id) = 0;
    // Appends a step; kConflict when `seq` is taken (a concurrent step won).
    virtual Status AppendStep(std::int64_t candidate_id, const StepRecord& s) = 0;
    // Moves the open cases (not yet full members, not disqualified) of `from_org` to `to`; how many.
    virtual Result<int> MoveOpen(std::int64_t from_org, const org::Org& to) = 0;
};

class UserRepo {
public:
    virtual ~UserRepo() = default;
    virtual Result<std::optional<User>> Get(std::int64_t id) = 0;
    virtual Result<std::optional<User>> GetByUsername(const std::string& username) = 0;
    // The account linked to the member (at most one: a unique index; Insert and Update of a second link fail
    // with kConflict).
    virtual Result<std::optional<User>> GetByMember(std::int64_t member_id) = 0;
    virtual Result<std::vector<User>> List(const UserQuery& q) = 0;
    virtual Result<std::int64_t> Insert(const User& u) = 0;
    // Writes every mutable column; fails with kConflict when the stored version differs from u.version.
    virtual Status Update(const User& u) = 0;
    virtual Result<std::int64_t> CountAll() = 0;
    virtual Result<std::int64_t> AddGrant(std::int64_t user_id, const auth::Grant& g, std::int64_t granted_by,
                                          std::int64_t at) = 0;
    virtual Status RemoveGrant(std::int64_t user_id, std::int64_t grant_id) = 0;
    // Grants on `from_org` move to `to` (a reorganization's new version); the users they belong to.
    virtual Result<std::vector<std::int64_t>> MoveGrants(std::int64_t from_org, const org::Org& to) = 0;
    // Grants on the org end (it closes); the users they belonged to.
    virtual Result<std::vector<std::int64_t>> RevokeGrants(std::int64_t org_id) = 0;
};

class SessionRepo {
public:
    virtual ~SessionRepo() = default;
    virtual Result<std::optional<Session>> Get(const std::string& id_hash) = 0;
    virtual Status Put(const Session& s) = 0;  // insert or replace
    virtual Status Touch(const std::string& id_hash, std::int64_t last_seen_at) = 0;
    virtual Status Delete(const std::string& id_hash) = 0;
    virtual Status DeleteForUser(std::int64_t user_id) = 0;
};

class SetupLinkRepo {
public:
    virtual ~SetupLinkRepo() = default;
    virtual Result<std::optional<SetupLink>> Get(const std::string& token_hash) = 0;
    virtual Status Insert(const SetupLink& l) = 0;
    // Marks the link used; kConflict when it was already used (single use under concurrency).
    virtual Status MarkUsed(const std::string& token_hash, std::int64_t at) = 0;
    // Marks every link of the user that is not used yet as used at `at` (issuing or using a link revokes the
    // earlier ones, issue 15 defect 8).
    virtual Status RevokeForUser(std::int64_t user_id, std::int64_t at) = 0;
};

// Login throttle keys (core/auth/throttle.hpp). A key is a hash of "name and source address" or of "source
// address"; the name's own hash is kept beside the first so that the security admin's unlock can clear every
// address of one name. No name or address is stored in the clear.
class ThrottleRepo {
public:
    virtual ~ThrottleRepo() = default;
    // The key's state; the zero state when it has none.
    virtual Result<auth::ThrottleState> Get(const std::string& key_hash) = 0;
    virtual Status Put(const std::string& key_hash, const std::string& name_hash, const auth::ThrottleState& s) = 0;
    virtual Status Delete(const std::string& key_hash) = 0;
    virtual Status DeleteForName(const std::string& name_hash) = 0;
    // The latest end of a wait among the keys of this name (0 when none).
    virtual Result<std::int64_t> BlockedUntilForName(const std::string& name_hash) = 0;
    // Removes the keys whose last failure and wait both ended before `quiet_since`.
    virtual Status Prune(std::int64_t quiet_since) = 0;
};

// The policy store (core/policy/policies.hpp). Append-only: settings are inserted and closed, never deleted.
// Settings of keys the catalogue no longer has are skipped when read.
class PolicyRepo {
public:
    virtual ~PolicyRepo() = default;
    // The settings of the org at `org_path` and of its ancestors: every key and date.
    virtual Result<std::vector<policy::Setting>> ForPath(const std::string& org_path) = 0;
    // The settings of one org for `key` ("" = every key), by key then first day.
    virtual Result<std::vector<policy::Setting>> OfOrg(std::int64_t org_id, const std::string& key) = 0;
    // Every setting, by key, org path and first day (`lianxin policy list`: where a key is overridden).
    virtual Result<std::vector<policy::Setting>> All() = 0;
    virtual Result<std::int64_t> Insert(const policy::Setting& s) = 0;
    // Sets the last day (exclusive) of a setting.
    virtual Status Close(std::int64_t id, const Date& valid_to) = 0;
};

class AuditRepo {
public:
    virtual ~AuditRepo() = default;
    // Appends one entry to the chain (fills id, hash_kind, prev_hash and hash: the row's keyed MAC). An entry
    // filed under no org (object_org_id 0) is filed under the top org.
    virtual Status Append(AuditEntry& e) = 0;
    virtual Result<std::vector<AuditEntry>> List(const AuditQuery& q) = 0;
    virtual Result<std::vector<AuditEntry>> ViewsOf(std::int64_t member_id, std::int64_t before_id, int limit) = 0;
    // Walks the chain and checks each row: its link to the previous row, its MAC (a row before the first keyed
    // row: its SHA-256), no unkeyed row after a keyed one. With a checkpoint, the rows it records must be there
    // unchanged and the rows from its first keyed row on must be keyed. `resume` (the server moving its own
    // checkpoint forward) walks only the rows after the checkpoint's head, which must still be there.
    virtual Result<AuditVerification> Verify(const AuditCheckpoint* checkpoint = nullptr, bool resume = false) = 0;
};

// The audit head checkpoint kept OUTSIDE the database (a file beside the key file; security.md E2, issue 15
// defect 4). Load: nullopt when none was written yet; fails ("audit.checkpoint_invalid") when the stored text
// fails its MAC. Store replaces it atomically. Retire sets the current one aside (kept, renamed) when a restored
// backup is accepted, so that the next Store starts afresh.
class AuditCheckpointStore {
public:
    virtual ~AuditCheckpointStore() = default;
    virtual Result<std::optional<AuditCheckpoint>> Load() const = 0;
    virtual Status Store(const AuditCheckpoint& cp) = 0;
    virtual Result<std::string> Retire(std::int64_t now_millis) = 0;  // the name it was kept under
    virtual std::string Where() const = 0;                            // the path, for messages
};

class RateRepo;       // core/ports/rate_records.hpp: the rates' aggregation, read only
class DuplicateRepo;  // core/ports/duplicate_records.hpp: events near a point, merged events, an org's people

// One transaction's view of the repositories.
class Tx {
public:
    virtual ~Tx() = default;
    virtual OrgRepo& Orgs() = 0;
    virtual MemberRepo& Members() = 0;
    virtual DevelopmentRepo& DevelopmentCases() = 0;
    virtual TransferRepo& Transfers() = 0;
    virtual FloatingRepo& FloatingRecords() = 0;
    virtual LostContactRepo& LostContacts() = 0;
    virtual EventRepo& Events() = 0;
    virtual FieldworkRepo& Fieldwork() = 0;
    virtual ImportRepo& Imports() = 0;
    virtual ReorgRepo& Reorgs() = 0;
    virtual OverlayRepo& Overlays() = 0;
    virtual PositionRepo& Positions() = 0;
    virtual GroupRepo& Groups() = 0;
    virtual GridRepo& Grids() = 0;
    virtual UserRepo& Users() = 0;
    virtual SessionRepo& Sessions() = 0;
    virtual SetupLinkRepo& SetupLinks() = 0;
    virtual ThrottleRepo& Throttles() = 0;
    virtual PolicyRepo& Policies() = 0;
    virtual CalendarRepo& Calendar() = 0;
    virtual Open311KeyRepo& Open311Keys() = 0;
    virtual PhotoRepo& Photos() = 0;
    virtual OtpRepo& Otp() = 0;
    virtual AuditRepo& Audit() = 0;
    virtual RateRepo& Rates() = 0;
    virtual DuplicateRepo& Duplicates() = 0;
};

// A database: runs a function inside a read snapshot or a write transaction limited to `scope` (scope.hpp:
// enforced by PostgreSQL's row-level security, ignored by SQLite). Write commits when the function returns
// Ok and rolls back otherwise; an acknowledged Write is durable.
class Database {
public:
    virtual ~Database() = default;
    virtual Status Read(const Scope& scope, const std::function<Status(Tx&)>& fn) = 0;
    virtual Status Write(const Scope& scope, const std::function<Status(Tx&)>& fn) = 0;
    virtual Status Ping() = 0;
};

}  // namespace lianxin::core::ports
