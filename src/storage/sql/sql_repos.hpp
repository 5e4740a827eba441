// The repositories written once in SQL that both engines accept (storage/sql/sql_conn.hpp). Each object
// lives for one transaction and borrows its connection.
#pragma once

#include "core/ports/crypto.hpp"
#include "core/ports/duplicate_records.hpp"
#include "core/ports/rate_records.hpp"
#include "core/ports/repositories.hpp"
#include "storage/sql/columns.hpp"
#include "storage/sql/sql_conn.hpp"

namespace lianxin::storage {

class SqlOrgRepo final : public core::ports::OrgRepo {
public:
    explicit SqlOrgRepo(SqlConn& c) : c_(c) {}
    core::Result<std::optional<core::org::Org>> Get(std::int64_t id) override;
    core::Result<std::vector<core::ports::OrgView>> Children(std::int64_t parent_id, const core::Date& as_of) override;
    core::Result<std::vector<core::ports::OrgView>> ByPaths(const std::vector<std::string>& paths,
                                                            const core::Date& as_of) override;
    core::Result<std::int64_t> Insert(const core::org::Org& o) override;
    core::Result<std::int64_t> CountAll() override;
    core::Result<std::vector<core::org::Org>> Roots() override;
    core::Result<std::vector<core::org::Org>> FindByName(const std::string& text, const core::Date& as_of,
                                                         int limit) override;
    core::Result<core::org::Headcount> Headcount(std::int64_t org_id, const core::Date& as_of) override;
    core::Result<core::org::Headcount> SubtreeHeadcount(const std::string& path, const core::Date& as_of) override;
    core::Result<std::vector<core::ports::OrgPost>> Posts(std::int64_t org_id, const core::Date& as_of) override;
    core::Result<std::optional<core::ports::OrgPost>> GetPost(std::int64_t post_id) override;
    core::Result<std::int64_t> InsertPost(const core::ports::OrgPost& p, std::int64_t by, std::int64_t at) override;
    core::Status EndPost(std::int64_t post_id, const core::Date& on) override;
    core::Result<std::vector<core::org::Org>> InSubtree(const std::string& path, const core::Date& as_of) override;
    core::Status Update(const core::org::Org& o) override;
    core::Status Close(const core::org::Org& o, const core::Date& on) override;
    core::Result<core::org::OrgFacts> Facts(const core::org::Org& o, const core::Date& on, bool with_members) override;
    core::Result<int> CarryPosts(std::int64_t from, std::int64_t to, const core::Date& on, std::int64_t by,
                                 std::int64_t at) override;
    core::Result<int> EndPosts(std::int64_t org_id, const core::Date& on,
                               const std::vector<std::int64_t>& member_ids) override;
    core::Result<std::map<std::int64_t, std::string>> NamesOn(const std::vector<std::int64_t>& ids,
                                                              const core::Date& as_of) override;

private:
    core::Result<core::ports::OrgView> WithCounts(core::org::Org o, const core::Date& as_of);
    SqlConn& c_;
};

class SqlMemberRepo final : public core::ports::MemberRepo {
public:
    SqlMemberRepo(SqlConn& c, const core::ports::FieldCipher& cipher) : c_(c), cipher_(cipher) {}
    core::Result<std::optional<core::member::Member>> Get(std::int64_t id) override;
    core::Result<std::vector<core::member::Member>> List(const core::ports::MemberQuery& q) override;
    core::Result<std::int64_t> Insert(const core::member::Member& m) override;
    core::Result<std::optional<std::int64_t>> FindByIdNumber(const std::string& id_number) override;
    core::Status UpdateStatus(const core::member::Member& m) override;
    core::Status UpdateRegistry(const core::member::Member& m) override;
    core::Result<int> CountVoting(std::int64_t org_id, const core::Date& on) override;
    core::Status Move(const core::member::Member& m, const core::org::Org& to, const core::Date& on,
                      std::int64_t transfer_id) override;
    core::Result<std::vector<core::ports::AffiliationPeriod>> Affiliations(std::int64_t member_id) override;
    core::Status AppendStatusChange(std::int64_t member_id, const core::ports::StatusChangeRecord& c) override;
    core::Result<std::vector<core::ports::StatusChangeRecord>> StatusChanges(std::int64_t member_id) override;
    core::Status DeleteUnreferenced(const core::member::Member& m) override;
    core::Result<int> MoveAll(std::int64_t from_org, const core::org::Org& to, const core::Date& on,
                              std::int64_t reorg_id, const std::vector<std::int64_t>& member_ids) override;

private:
    core::Result<core::member::Member> FromRow(const SqlRows& rows, std::size_t r);
    core::Status WriteSkills(std::int64_t member_id, const std::vector<std::string>& skills);
    core::Status UpdateVersioned(SqlValues& v, const core::member::Member& m);
    SqlConn& c_;
    const core::ports::FieldCipher& cipher_;
};

class SqlDevelopmentRepo final : public core::ports::DevelopmentRepo {
public:
    SqlDevelopmentRepo(SqlConn& c, const core::ports::FieldCipher& cipher) : c_(c), cipher_(cipher) {}
    core::Result<std::optional<core::ports::DevelopmentRecord>> Get(std::int64_t id) override;
    core::Result<std::vector<core::ports::DevelopmentRecord>> List(const core::ports::DevelopmentCaseQuery& q) override;
    core::Result<std::optional<std::int64_t>> FindByIdNumber(const std::string& id_number) override;
    core::Result<std::int64_t> Insert(const core::ports::DevelopmentRecord& c, std::int64_t at) override;
    core::Status UpdateState(const core::ports::DevelopmentRecord& c, std::int64_t at) override;
    core::Result<std::vector<core::ports::StepRecord>> Steps(std::int64_t candidate_id) override;
    core::Status AppendStep(std::int64_t candidate_id, const core::ports::StepRecord& s) override;
    core::Result<int> MoveOpen(std::int64_t from_org, const core::org::Org& to) override;

private:
    core::Result<core::ports::DevelopmentRecord> FromRow(const SqlRows& rows, std::size_t r);
    SqlConn& c_;
    const core::ports::FieldCipher& cipher_;
};

class SqlTransferRepo final : public core::ports::TransferRepo {
public:
    SqlTransferRepo(SqlConn& c, const core::ports::FieldCipher& cipher) : c_(c), cipher_(cipher) {}
    core::Result<std::optional<core::ports::TransferRecord>> Get(std::int64_t id) override;
    core::Result<std::vector<core::ports::TransferRecord>> List(const core::ports::TransferQuery& q) override;
    core::Result<std::int64_t> Insert(const core::ports::TransferRecord& t, const core::ports::TransferEvent& first,
                                      std::int64_t at) override;
    core::Status Update(const core::ports::TransferRecord& t, std::int64_t at) override;
    core::Result<std::vector<core::ports::TransferEvent>> Events(std::int64_t transfer_id) override;
    core::Status AppendEvent(std::int64_t transfer_id, const core::ports::TransferEvent& e) override;

private:
    core::Result<core::ports::TransferRecord> FromRow(const SqlRows& rows, std::size_t r);
    SqlConn& c_;
    const core::ports::FieldCipher& cipher_;
};

class SqlLostContactRepo final : public core::ports::LostContactRepo {
public:
    explicit SqlLostContactRepo(SqlConn& c) : c_(c) {}
    core::Result<std::vector<core::ports::LostContactRecord>> OfMember(std::int64_t member_id) override;
    core::Result<std::int64_t> Append(const core::ports::LostContactRecord& r) override;

private:
    SqlConn& c_;
};

class SqlEventRepo final : public core::ports::EventRepo {
public:
    SqlEventRepo(SqlConn& c, const core::ports::FieldCipher& cipher) : c_(c), cipher_(cipher) {}
    core::Result<std::vector<core::event::Category>> Categories() override;
    core::Result<std::int64_t> NextNumber(int year) override;
    core::Result<std::int64_t> Insert(const core::event::Event& e) override;
    core::Result<bool> ExternalRefTaken(const std::string& channel, const std::string& external_ref) override;
    core::Result<std::optional<core::ports::EventRecord>> Get(std::int64_t id) override;
    core::Status Update(const core::event::Event& e) override;
    core::Result<std::vector<core::ports::EventRecord>> List(const core::ports::EventQuery& q) override;
    core::Result<std::int64_t> AppendFlow(const core::ports::EventFlowEntry& f) override;
    core::Result<std::vector<core::ports::EventFlowEntry>> Flow(std::int64_t event_id) override;
    core::Result<std::int64_t> InsertWhistle(const core::ports::EventWhistle& w) override;
    core::Result<std::vector<core::ports::EventWhistle>> Whistles(std::int64_t event_id) override;
    core::Status UpdateWhistle(const core::ports::EventWhistle& w) override;
    core::Result<std::vector<core::ports::EventRecord>> OfReporter(const std::string& reporter_key, int limit) override;
    core::Result<std::optional<core::ports::EventRecord>> ByFollowToken(const std::string& token_hash) override;
    core::Result<int> CountReport(const std::string& phone_key, const std::string& day) override;
    core::Result<std::vector<std::string>> RetainedOrgPaths() override;
    core::Result<int> PurgeResidentData(const std::string& org_path, std::int64_t closed_before,
                                        std::int64_t now) override;
    core::Result<std::vector<std::int64_t>> EventsWithPhoto(const std::string& photo_id) override;
    core::Result<std::vector<core::ports::EventRecord>> DueForSupervision(std::int64_t now, int limit) override;
    // The events a WHERE clause (over `e`, with orgs o, w, a joined) selects; read by event_dupes_repo.cpp too.
    core::Result<std::vector<core::ports::EventRecord>> Read(const std::string& where, const SqlParams& params);

private:
    core::Status LinkPhotos(std::int64_t event_id, const std::vector<std::string>& photo_ids);
    SqlConn& c_;
    const core::ports::FieldCipher& cipher_;
};

class SqlFieldworkRepo final : public core::ports::FieldworkRepo {
public:
    SqlFieldworkRepo(SqlConn& c, const core::ports::FieldCipher& cipher) : c_(c), cipher_(cipher) {}
    core::Result<std::int64_t> InsertPatrol(const core::patrol::Patrol& p) override;
    core::Result<std::optional<core::patrol::Patrol>> GetPatrol(std::int64_t id) override;
    core::Status UpdatePatrol(const core::patrol::Patrol& p) override;
    core::Result<std::vector<core::patrol::Patrol>> ListPatrols(const core::ports::PatrolQuery& q) override;
    core::Result<std::vector<core::ports::PatrolCount>> CountPatrols(const std::vector<std::string>& scope_roots,
                                                                     const core::Date& from,
                                                                     const core::Date& to) override;
    core::Result<std::int64_t> InsertSession(const core::visit::Session& s) override;
    core::Result<std::optional<core::visit::Session>> GetSession(std::int64_t id) override;
    core::Result<std::vector<core::visit::Session>> ListSessions(const core::ports::VisitQuery& q) override;
    core::Result<std::int64_t> InsertVisit(const core::visit::HouseholdVisit& v) override;
    core::Result<std::optional<core::visit::HouseholdVisit>> GetVisit(std::int64_t id) override;
    core::Result<std::vector<core::visit::HouseholdVisit>> ListVisits(const core::ports::VisitQuery& q) override;
    core::Status InsertItem(core::patrol::ItemKind kind, std::int64_t record_id,
                            const core::patrol::Item& item) override;
    core::Result<std::vector<core::patrol::Item>> Items(core::patrol::ItemKind kind, std::int64_t record_id) override;
    core::Status LinkEvent(core::patrol::ItemKind kind, std::int64_t record_id, int seq,
                           std::int64_t event_id) override;
    core::Result<std::optional<core::ports::ItemOrigin>> OriginOf(std::int64_t event_id) override;

private:
    core::Result<std::vector<core::patrol::Patrol>> ReadPatrols(const std::string& where, const SqlParams& params);
    core::Result<std::vector<core::visit::Session>> ReadSessions(const std::string& where, const SqlParams& params);
    core::Result<std::vector<core::visit::HouseholdVisit>> ReadVisits(const std::string& where,
                                                                      const SqlParams& params);
    SqlConn& c_;
    const core::ports::FieldCipher& cipher_;
};

class SqlFloatingRepo final : public core::ports::FloatingRepo {
public:
    SqlFloatingRepo(SqlConn& c, const core::ports::FieldCipher& cipher) : c_(c), cipher_(cipher) {}
    core::Result<std::optional<core::ports::FloatingRecord>> Get(std::int64_t id) override;
    core::Result<std::vector<core::ports::FloatingRecord>> List(const core::ports::FloatingQuery& q) override;
    core::Result<std::vector<core::ports::FloatingRecord>> OfMember(std::int64_t member_id) override;
    core::Result<std::int64_t> Insert(const core::ports::FloatingRecord& r, std::int64_t at) override;
    core::Status Update(const core::ports::FloatingRecord& r, std::int64_t at) override;
    core::Result<std::vector<core::ports::FloatingNote>> Notes(std::int64_t record_id) override;
    core::Status AppendNote(std::int64_t record_id, const core::ports::FloatingNote& n) override;
    core::Result<int> FollowInflowOrg(std::int64_t from_org, const std::optional<core::org::Org>& to) override;
    core::Result<int> RenameInflowOrg(std::int64_t org_id, const std::string& name) override;

private:
    core::Result<core::ports::FloatingRecord> FromRow(const SqlRows& rows, std::size_t r);
    core::Result<std::vector<core::ports::FloatingRecord>> Many(const std::string& where, const SqlParams& params);
    SqlConn& c_;
    const core::ports::FieldCipher& cipher_;
};

class SqlImportRepo final : public core::ports::ImportRepo {
public:
    SqlImportRepo(SqlConn& c, const core::ports::FieldCipher& cipher) : c_(c), cipher_(cipher) {}
    core::Result<std::int64_t> Insert(const core::ports::ImportRecord& r) override;
    core::Status AppendRow(std::int64_t import_id, const core::ports::ImportRowRecord& row) override;
    core::Result<std::optional<core::ports::ImportRecord>> Get(std::int64_t id) override;
    core::Result<std::vector<core::ports::ImportRecord>> List(const core::ports::ImportQuery& q) override;
    core::Result<std::vector<core::ports::ImportRowRecord>> Rows(std::int64_t import_id) override;
    core::Status MarkUndone(const core::ports::ImportRecord& r) override;
    core::Status AppendOrg(std::int64_t import_id, const core::ports::ImportOrgRecord& row) override;
    core::Result<std::vector<core::ports::ImportOrgRecord>> Orgs(std::int64_t import_id) override;

private:
    SqlConn& c_;
    const core::ports::FieldCipher& cipher_;
};

class SqlGridRepo final : public core::ports::GridRepo {
public:
    explicit SqlGridRepo(SqlConn& c) : c_(c) {}
    core::Result<std::int64_t> Insert(const core::grid::Grid& g) override;
    core::Result<std::optional<core::grid::Grid>> Get(std::int64_t id) override;
    core::Status Update(const core::grid::Grid& g) override;
    core::Result<std::vector<core::grid::Grid>> List(const core::ports::GridQuery& q) override;
    core::Result<std::int64_t> InsertVersion(const core::grid::GridVersion& v) override;
    core::Status CloseVersion(std::int64_t version_id, const core::Date& on) override;
    core::Result<std::vector<core::grid::GridVersion>> Versions(std::int64_t grid_id) override;
    core::Result<std::vector<core::grid::GridVersion>> VersionsOfOrg(std::int64_t org_id,
                                                                     const core::Date& on) override;
    core::Result<std::vector<core::ports::LocatedVersion>> Locate(const core::grid::LngLat& p, const core::Date& on,
                                                                  const std::vector<std::string>& scope_roots) override;

private:
    core::Status WriteTeam(const core::grid::Grid& g, std::int64_t grid_id);
    core::Status ReadTeams(std::vector<core::grid::Grid>& grids);
    SqlConn& c_;
};

class SqlPositionRepo final : public core::ports::PositionRepo {
public:
    explicit SqlPositionRepo(SqlConn& c) : c_(c) {}
    core::Result<std::int64_t> Insert(const core::ports::PositionRecord& p) override;
    core::Result<std::optional<core::ports::PositionRecord>> Get(std::int64_t id) override;
    core::Status Update(const core::ports::PositionRecord& p) override;
    core::Status Close(const core::ports::PositionRecord& p, const core::Date& on) override;
    core::Result<std::vector<core::ports::PositionRecord>> List(const core::ports::PositionQuery& q) override;
    core::Result<int> MoveAll(std::int64_t from_org, const core::org::Org& to) override;
    core::Result<int> CloseAll(std::int64_t org_id, const core::Date& on) override;

private:
    SqlConn& c_;
};

class SqlGroupRepo final : public core::ports::GroupRepo {
public:
    explicit SqlGroupRepo(SqlConn& c) : c_(c) {}
    core::Result<std::int64_t> Insert(const core::ports::PartyGroupRecord& g) override;
    core::Result<std::optional<core::ports::PartyGroupRecord>> Get(std::int64_t id) override;
    core::Status Update(const core::ports::PartyGroupRecord& g) override;
    core::Status Close(const core::ports::PartyGroupRecord& g, const core::Date& on) override;
    core::Result<std::vector<core::ports::PartyGroupRecord>> OfOrg(std::int64_t org_id,
                                                                   const core::Date& as_of) override;
    core::Status SetMembers(const core::ports::PartyGroupRecord& g,
                            const std::vector<std::int64_t>& member_ids) override;
    core::Result<std::int64_t> InsertUnit(const core::ports::CoveredUnitRecord& u) override;
    core::Result<std::optional<core::ports::CoveredUnitRecord>> GetUnit(std::int64_t id) override;
    core::Result<std::vector<core::ports::CoveredUnitRecord>> Units(std::int64_t org_id,
                                                                    const core::Date& as_of) override;
    core::Status EndUnit(std::int64_t unit_id, const core::Date& on) override;
    core::Result<int> MoveAll(std::int64_t from_org, const core::org::Org& to, const core::Date& on) override;
    core::Result<int> CloseAll(std::int64_t org_id, const core::Date& on) override;

private:
    SqlConn& c_;
};

class SqlReorgRepo final : public core::ports::ReorgRepo {
public:
    explicit SqlReorgRepo(SqlConn& c) : c_(c) {}
    core::Result<std::int64_t> Insert(const core::ports::ReorgRecord& r) override;
    core::Status AppendHistory(const core::ports::OrgHistoryEntry& e) override;
    core::Result<std::vector<core::ports::OrgHistoryEntry>> History(std::int64_t org_id) override;
    core::Result<std::vector<core::ports::ReorgRecord>> List(const core::ports::ReorgQuery& q) override;

private:
    SqlConn& c_;
};

class SqlOverlayRepo final : public core::ports::OverlayRepo {
public:
    explicit SqlOverlayRepo(SqlConn& c) : c_(c) {}
    core::Result<std::optional<core::org::Overlay>> Get(std::int64_t id) override;
    core::Result<std::vector<core::ports::OverlaySummary>> List(const core::ports::OverlayQuery& q) override;
    core::Result<std::int64_t> Insert(const core::org::Overlay& o, std::int64_t by, std::int64_t at) override;
    core::Status Update(const core::org::Overlay& o, std::int64_t at) override;
    core::Result<std::vector<core::org::MemberUnit>> Units(std::int64_t overlay_id) override;
    core::Result<std::int64_t> InsertUnit(const core::org::MemberUnit& u, std::int64_t by, std::int64_t at) override;
    core::Status EndUnit(std::int64_t unit_id, const core::Date& on) override;
    core::Status SetRoster(std::int64_t overlay_id, const std::vector<std::int64_t>& order) override;
    core::Result<std::vector<core::ports::OverlayLink>> Links(std::int64_t overlay_id, const core::Date& on) override;
    core::Result<int> Link(std::int64_t overlay_id, const std::vector<std::int64_t>& member_ids, const core::Date& from,
                           std::int64_t by, std::int64_t at) override;
    core::Status Unlink(std::int64_t overlay_id, std::int64_t member_id, const core::Date& on) override;
    core::Result<core::org::OverlayCounts> CountsIn(const std::string& path, const core::Date& on) override;
    core::Result<int> MoveHost(std::int64_t from, const core::org::Org& to) override;

private:
    SqlConn& c_;
};

class SqlUserRepo final : public core::ports::UserRepo {
public:
    explicit SqlUserRepo(SqlConn& c) : c_(c) {}
    core::Result<std::optional<core::ports::User>> Get(std::int64_t id) override;
    core::Result<std::optional<core::ports::User>> GetByUsername(const std::string& username) override;
    core::Result<std::optional<core::ports::User>> GetByMember(std::int64_t member_id) override;
    core::Result<std::vector<core::ports::User>> List(const core::ports::UserQuery& q) override;
    core::Result<std::int64_t> Insert(const core::ports::User& u) override;
    core::Status Update(const core::ports::User& u) override;
    core::Result<std::int64_t> CountAll() override;
    core::Result<std::int64_t> AddGrant(std::int64_t user_id, const core::auth::Grant& g, std::int64_t granted_by,
                                        std::int64_t at) override;
    core::Status RemoveGrant(std::int64_t user_id, std::int64_t grant_id) override;
    core::Result<std::vector<std::int64_t>> MoveGrants(std::int64_t from_org, const core::org::Org& to) override;
    core::Result<std::vector<std::int64_t>> RevokeGrants(std::int64_t org_id) override;

private:
    core::Result<std::optional<core::ports::User>> One(std::string_view where, const SqlParams& params);
    core::Status LoadGrants(core::ports::User& u);
    SqlConn& c_;
};

class SqlSessionRepo final : public core::ports::SessionRepo {
public:
    explicit SqlSessionRepo(SqlConn& c) : c_(c) {}
    core::Result<std::optional<core::ports::Session>> Get(const std::string& id_hash) override;
    core::Status Put(const core::ports::Session& s) override;
    core::Status Touch(const std::string& id_hash, std::int64_t last_seen_at) override;
    core::Status Delete(const std::string& id_hash) override;
    core::Status DeleteForUser(std::int64_t user_id) override;

private:
    SqlConn& c_;
};

class SqlSetupLinkRepo final : public core::ports::SetupLinkRepo {
public:
    explicit SqlSetupLinkRepo(SqlConn& c) : c_(c) {}
    core::Result<std::optional<core::ports::SetupLink>> Get(const std::string& token_hash) override;
    core::Status Insert(const core::ports::SetupLink& l) override;
    core::Status MarkUsed(const std::string& token_hash, std::int64_t at) override;
    core::Status RevokeForUser(std::int64_t user_id, std::int64_t at) override;

private:
    SqlConn& c_;
};

class SqlThrottleRepo final : public core::ports::ThrottleRepo {
public:
    explicit SqlThrottleRepo(SqlConn& c) : c_(c) {}
    core::Result<core::auth::ThrottleState> Get(const std::string& key_hash) override;
    core::Status Put(const std::string& key_hash, const std::string& name_hash,
                     const core::auth::ThrottleState& s) override;
    core::Status Delete(const std::string& key_hash) override;
    core::Status DeleteForName(const std::string& name_hash) override;
    core::Result<std::int64_t> BlockedUntilForName(const std::string& name_hash) override;
    core::Status Prune(std::int64_t quiet_since) override;

private:
    SqlConn& c_;
};

class SqlAuditRepo final : public core::ports::AuditRepo {
public:
    SqlAuditRepo(SqlConn& c, const core::ports::Crypto& crypto, const core::ports::FieldCipher& cipher)
        : c_(c), crypto_(crypto), cipher_(cipher) {}
    core::Status Append(core::ports::AuditEntry& e) override;
    core::Result<std::vector<core::ports::AuditEntry>> List(const core::ports::AuditQuery& q) override;
    core::Result<std::vector<core::ports::AuditEntry>> ViewsOf(std::int64_t member_id, std::int64_t before_id,
                                                               int limit) override;
    core::Result<core::ports::AuditVerification> Verify(const core::ports::AuditCheckpoint* checkpoint,
                                                        bool resume) override;

private:
    SqlConn& c_;
    const core::ports::Crypto& crypto_;
    const core::ports::FieldCipher& cipher_;  // the audit MAC key
};

// The canonical text of an audit entry that its SHA-256 covers (prev_hash included): the rows from before the
// key (hash_kind "sha256"). A keyed row's MAC covers this and the object's org.
std::string AuditCanonical(const core::ports::AuditEntry& e);

class SqlCalendarRepo final : public core::ports::CalendarRepo {
public:
    explicit SqlCalendarRepo(SqlConn& c) : c_(c) {}
    core::Result<std::vector<core::ports::CalendarYear>> Years() override;
    core::Result<std::optional<core::ports::CalendarYear>> Year(int year) override;
    core::Result<std::vector<core::calendar::CalendarDay>> Range(const core::Date& from, const core::Date& to) override;
    core::Status ReplaceYear(const core::ports::CalendarYear& year,
                             const std::vector<core::calendar::CalendarDay>& days) override;

private:
    SqlConn& c_;
};

// All repositories of one transaction.
class SqlPolicyRepo final : public core::ports::PolicyRepo {
public:
    explicit SqlPolicyRepo(SqlConn& c) : c_(c) {}
    core::Result<std::vector<core::policy::Setting>> ForPath(const std::string& org_path) override;
    core::Result<std::vector<core::policy::Setting>> OfOrg(std::int64_t org_id, const std::string& key) override;
    core::Result<std::vector<core::policy::Setting>> All() override;
    core::Result<std::int64_t> Insert(const core::policy::Setting& s) override;
    core::Status Close(std::int64_t id, const core::Date& valid_to) override;

private:
    SqlConn& c_;
};

class SqlPhotoRepo final : public core::ports::PhotoRepo {
public:
    explicit SqlPhotoRepo(SqlConn& c) : c_(c) {}
    core::Status Put(const core::ports::PhotoRecord& p, const std::string& owner) override;
    core::Result<std::optional<core::ports::PhotoRecord>> Get(const std::string& photo_id) override;
    core::Result<bool> OwnedBy(const std::string& photo_id, const std::string& owner) override;

private:
    SqlConn& c_;
};

class SqlOtpRepo final : public core::ports::OtpRepo {
public:
    SqlOtpRepo(SqlConn& c, const core::ports::FieldCipher& cipher) : c_(c), cipher_(cipher) {}
    core::Result<std::optional<core::otp::CodeState>> Code(const std::string& phone_key) override;
    core::Status PutCode(const std::string& phone_key, const std::string& phone, const core::otp::CodeState& s,
                         std::int64_t at) override;
    core::Result<int> CountTry(const std::string& phone_key) override;
    core::Status DeleteCode(const std::string& phone_key) override;
    core::Result<core::otp::SendWindow> CountSend(const std::string& key, std::int64_t now) override;
    core::Status InsertToken(const core::ports::ResidentToken& t) override;
    core::Result<std::optional<core::ports::ResidentToken>> Token(const std::string& token_hash) override;
    core::Status Prune(std::int64_t before) override;

private:
    SqlConn& c_;
    const core::ports::FieldCipher& cipher_;
};

// The rates' aggregation over events and their flow logs (rate_repo.cpp); Raw reads through the events repo.
class SqlRateRepo final : public core::ports::RateRepo {
public:
    SqlRateRepo(SqlConn& c, core::ports::EventRepo& events) : c_(c), events_(events) {}
    core::Result<std::vector<core::ports::RateGroup>> Aggregate(const core::ports::RateQuery& q) override;
    core::Result<std::vector<core::ports::DismissedEvent>> Dismissed(const core::ports::RateQuery& q,
                                                                     int limit) override;
    core::Result<std::vector<core::ports::RawEvent>> Raw(const core::ports::RateQuery& q) override;

private:
    SqlConn& c_;
    core::ports::EventRepo& events_;
};

class SqlOpen311KeyRepo final : public core::ports::Open311KeyRepo {
public:
    explicit SqlOpen311KeyRepo(SqlConn& c) : c_(c) {}
    core::Result<std::int64_t> Insert(const core::ports::Open311Key& k) override;
    core::Result<std::optional<core::ports::Open311Key>> Get(std::int64_t id) override;
    core::Result<std::optional<core::ports::Open311Key>> ByHash(const std::string& key_hash) override;
    core::Result<std::vector<core::ports::Open311Key>> List(const std::vector<std::string>& scope_roots) override;
    core::Result<bool> Revoke(std::int64_t id, std::int64_t by, std::int64_t at) override;
    core::Status Used(std::int64_t id, std::int64_t at) override;

private:
    core::Result<std::vector<core::ports::Open311Key>> Read(const std::string& where, const SqlParams& params);
    SqlConn& c_;
};

// Duplicate candidates, merged events and an org's people (event_dupes_repo.cpp), read through the events repo.
class SqlDuplicateRepo final : public core::ports::DuplicateRepo {
public:
    SqlDuplicateRepo(SqlConn& c, SqlEventRepo& events) : c_(c), events_(events) {}
    core::Result<std::vector<core::ports::EventRecord>> Near(const core::ports::DuplicateQuery& q) override;
    core::Result<std::vector<core::ports::EventRecord>> MergedInto(std::int64_t primary_id) override;
    core::Result<std::vector<core::ports::OrgUser>> UsersOfOrg(std::int64_t org_id) override;

private:
    SqlConn& c_;
    SqlEventRepo& events_;
};

class SqlTx final : public core::ports::Tx {
public:
    SqlTx(SqlConn& c, const core::ports::FieldCipher& cipher, const core::ports::Crypto& crypto)
        : conn_(c),
          orgs_(c),
          members_(c, cipher),
          development_(c, cipher),
          transfers_(c, cipher),
          floating_(c, cipher),
          lost_contacts_(c),
          events_(c, cipher),
          fieldwork_(c, cipher),
          imports_(c, cipher),
          reorgs_(c),
          overlays_(c),
          positions_(c),
          groups_(c),
          grids_(c),
          users_(c),
          sessions_(c),
          links_(c),
          throttles_(c),
          policies_(c),
          calendar_(c),
          open311_keys_(c),
          photos_(c),
          otp_(c, cipher),
          audit_(c, crypto, cipher),
          rates_(c, events_),
          duplicates_(c, events_) {}
    core::ports::OrgRepo& Orgs() override { return orgs_; }
    core::ports::MemberRepo& Members() override { return members_; }
    core::ports::DevelopmentRepo& DevelopmentCases() override { return development_; }
    core::ports::TransferRepo& Transfers() override { return transfers_; }
    core::ports::FloatingRepo& FloatingRecords() override { return floating_; }
    core::ports::LostContactRepo& LostContacts() override { return lost_contacts_; }
    core::ports::EventRepo& Events() override { return events_; }
    core::ports::FieldworkRepo& Fieldwork() override { return fieldwork_; }
    core::ports::ImportRepo& Imports() override { return imports_; }
    core::ports::ReorgRepo& Reorgs() override { return reorgs_; }
    core::ports::OverlayRepo& Overlays() override { return overlays_; }
    core::ports::PositionRepo& Positions() override { return positions_; }
    core::ports::GroupRepo& Groups() override { return groups_; }
    core::ports::GridRepo& Grids() override { return grids_; }
    core::ports::UserRepo& Users() override { return users_; }
    core::ports::SessionRepo& Sessions() override { return sessions_; }
    core::ports::SetupLinkRepo& SetupLinks() override { return links_; }
    core::ports::ThrottleRepo& Throttles() override { return throttles_; }
    core::ports::PolicyRepo& Policies() override { return policies_; }
    core::ports::CalendarRepo& Calendar() override { return calendar_; }
    core::ports::Open311KeyRepo& Open311Keys() override { return open311_keys_; }
    core::ports::PhotoRepo& Photos() override { return photos_; }
    core::ports::OtpRepo& Otp() override { return otp_; }
    core::ports::AuditRepo& Audit() override { return audit_; }
    core::ports::RateRepo& Rates() override { return rates_; }
    core::ports::DuplicateRepo& Duplicates() override { return duplicates_; }
    // The transaction's own connection, for raw SQL inside it (the row-level security tests).
    SqlConn& Conn() { return conn_; }

private:
    SqlConn& conn_;
    SqlOrgRepo orgs_;
    SqlMemberRepo members_;
    SqlDevelopmentRepo development_;
    SqlTransferRepo transfers_;
    SqlFloatingRepo floating_;
    SqlLostContactRepo lost_contacts_;
    SqlEventRepo events_;
    SqlFieldworkRepo fieldwork_;
    SqlImportRepo imports_;
    SqlReorgRepo reorgs_;
    SqlOverlayRepo overlays_;
    SqlPositionRepo positions_;
    SqlGroupRepo groups_;
    SqlGridRepo grids_;
    SqlUserRepo users_;
    SqlSessionRepo sessions_;
    SqlSetupLinkRepo links_;
    SqlThrottleRepo throttles_;
    SqlPolicyRepo policies_;
    SqlCalendarRepo calendar_;
    SqlOpen311KeyRepo open311_keys_;
    SqlPhotoRepo photos_;
    SqlOtpRepo otp_;
    SqlAuditRepo audit_;
    SqlRateRepo rates_;  // after events_, which it reads
    SqlDuplicateRepo duplicates_;
};

// The members formally affiliated on the date parameter `on` ("$2") with the orgs matching `org_cond`
// (written over the unqualified columns org_id and org_path): a derived table "a" of (id, category, status on `on`,
// join_date, conversion_date, left_on) from the member rows (the current affiliation, since
// affiliated_since) and the closed periods of affiliation_history. Filter left_on and join_date outside.
std::string AffiliatedOn(const std::string& org_cond, const std::string& on);

// A nullable date column: nullopt for null (or text that is not a date).
std::optional<core::Date> OptDate(const SqlRow& row, std::string_view column);
// A date column that is never null (the zero date for text that is not a date).
core::Date DateOf(const SqlRow& row, std::string_view column);
// A nullable date parameter.
SqlParam DateOrNull(const std::optional<core::Date>& d);

// An optional personal field (empty = absent) as its ciphertext, and as its blind index; null when empty.
SqlParam EncryptedOrNull(const core::ports::FieldCipher& cipher, const std::string& plain);
SqlParam IndexOrNull(const core::ports::FieldCipher& cipher, const std::string& plain);
// The plaintext of an encrypted column; "" for null. Fails when the ciphertext does not authenticate.
core::Result<std::string> DecryptedOrEmpty(const core::ports::FieldCipher& cipher, const SqlRow& row,
                                           std::string_view column);

// The person columns a member row and a development case row share (name, sex, ethnicity, birth_date and the
// encrypted id_number and phone), read into any record with those fields. Fails when a ciphertext does not
// authenticate.
template <class Record>
core::Status ReadPerson(const SqlRow& row, const core::ports::FieldCipher& cipher, Record& rec) {
    rec.name = row.Text("name");
    rec.sex = row.Text("sex") == "female" ? core::member::Sex::kFemale : core::member::Sex::kMale;
    rec.ethnicity = row.Text("ethnicity");
    rec.birth_date = DateOf(row, "birth_date");
    LX_ASSIGN(id_number, DecryptedOrEmpty(cipher, row, "id_number_enc"));
    LX_ASSIGN(phone, DecryptedOrEmpty(cipher, row, "phone_enc"));
    rec.id_number = std::move(id_number);
    rec.phone = std::move(phone);
    return core::Ok();
}

// The columns of the member and the org rows (member_repo.cpp, org_repo.cpp), for their writes kept in other
// files; and of the lost-contact search entries (lost_contact_repo.cpp), for the schema conformance test.
const Columns& MemberColumns();
const Columns& OrgColumns();
const Columns& LostContactColumns();
const Columns& Open311KeyColumns();

// Skills as the member row keeps them for display: ",电工,医生,"; "" for none (search uses member_skills).
std::string SkillsText(const std::vector<std::string>& skills);

// A LIKE pattern that finds `text` anywhere, with %, _ and \ in the text matched literally; use it with
// "LIKE $n ESCAPE '\\'".
std::string ContainsPattern(std::string_view text);

// Scope filter helper: "(col >= $k AND col < $k+1) OR ..." for a list of subtree roots; appends the bounds
// to `params`. An empty root list yields "1=0" (no rows), never "everything".
std::string SubtreeFilter(std::string_view column, const std::vector<std::string>& roots, SqlParams& params);

}  // namespace lianxin::storage
