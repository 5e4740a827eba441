// Events (事件) of grid governance (domain.md §7 "What the software must enforce", issue 17 "Events and their
// intake"): one model for every channel — patrol, resident, the 12345 and 81890 hotlines, in-service members,
// visits and Open311. An event has a human-readable number (SJ2026-000123), a category of the two-level
// dictionary (each leaf with its SLA class), an urgency, a place (the community's org, an optional grid, WGS-84
// coordinates, an address), a reporter who may stay anonymous (the phone is encrypted at rest and masked by
// role), a description, photos named by their SHA-256, related persons or units and a duplicate-of link.
// The closed loop that moves it is flow.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.hpp"
#include "core/sla/sla.hpp"

namespace lianxin::core::event {

enum class Channel { kPatrol, kResident, kHotline12345, kHotline81890, kMember, kVisit, kOpen311 };
enum class Urgency { kNormal, kUrgent };
// The SLA class of a leaf category (domain.md §7.4 examples: general, complex, utility, emergency) is core/sla's;
// an urgent event uses the emergency limits whatever its category (sla::EffectiveClass).
using sla::ParseSlaClass;
using sla::SlaClass;

enum class EventState {
    kAccepted,            // 受理: registered, not yet dispatched
    kDispatched,          // 已分派: an assignee org (and user) with a deadline
    kInProgress,          // 处置中
    kHandled,             // 已办结: the handler's evidence, waiting for verification
    kVerified,            // 已核查: by someone other than the handler
    kFeedback,            // 已反馈: the result told to the reporter
    kRated,               // 已评价: the reporter's rating; the event is closed
    kReturned,            // 已退回: the assignee objects to the dispatch; the level above reviews
    kSuspended,           // 已挂起: the clock stops
    kExtensionRequested,  // 延期申请中: the level above approves or denies
    kMarked,              // 不属于职责 / 不合理诉求, waiting for the level above
    kDismissed,           // the mark confirmed: closed, listed, never silent
};

// A two-level dictionary row: a top category (parent_code empty) or a leaf under one; only leaves are chosen
// for events and only leaves carry an SLA class.
struct Category {
    std::string code;         // "city.street_vending"
    std::string parent_code;  // "" for a top category
    std::string name_zh;
    std::string name_en;
    std::optional<SlaClass> sla_class;  // leaves only
    int sort = 0;
    bool Leaf() const { return !parent_code.empty(); }
};

struct Coordinates {
    double lng = 0;  // WGS-84 / CGCS2000 degrees; nothing stored in GCJ-02
    double lat = 0;
};

struct Event {
    std::int64_t id = 0;
    std::string number;  // SJ2026-000123
    Channel channel = Channel::kHotline12345;
    std::string external_ref;  // the hotline platform's 工单编号, if any
    std::string category_code;
    SlaClass sla_class = SlaClass::kGeneral;  // of the category when registered
    Urgency urgency = Urgency::kNormal;
    // Place: the community's org (its path scopes the event), an optional grid, coordinates, the address.
    std::int64_t org_id = 0;
    std::string org_path;
    std::int64_t grid_id = 0;  // 0 = none (the grid registry is its own area)
    std::optional<Coordinates> location;
    std::string address;
    // The reporter: both optional (anonymous); the phone is plain here, encrypted by storage.
    std::string reporter_name;
    std::string reporter_phone;
    std::string description;
    std::vector<std::string> photo_ids;  // 64 lower-case hex (SHA-256 of the stored photo)
    std::string related;                 // related persons or units, free text
    std::int64_t duplicate_of = 0;       // 0 = none
    std::int64_t reported_at = 0;        // 来电时间 / when reported, UTC millis
    // The closed loop (flow.hpp).
    EventState state = EventState::kAccepted;
    std::int64_t owner_org_id = 0;  // the accepting (dispatching) org
    std::string owner_org_path;
    std::int64_t assignee_org_id = 0;
    std::string assignee_org_path;
    std::int64_t assignee_user_id = 0;
    std::string assignee_name;
    std::optional<std::int64_t> respond_by;  // UTC millis
    std::optional<std::int64_t> handle_by;
    std::optional<std::int64_t> suspended_since;
    std::int64_t suspended_millis = 0;  // total time the clock stood still
    std::int64_t handled_by = 0;        // the user who recorded 办结 (verification must be someone else)
    std::optional<std::int64_t> closed_at;
    std::string outcome;  // resolved | partly | not_resolved, from the last rating
    int score = 0;        // 1–5, from the last rating
    int reopen_count = 0;
    std::string mark_kind;  // not_our_duty | unreasonable while marked or dismissed
    std::int64_t created_by = 0;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    int version = 0;
    // A resident's report (channel resident; resident.hpp): the keyed blind index of the verified phone (their
    // events are found by it) and the follow link's token (plain here; storage keeps its SHA-256 for the lookup
    // and the token encrypted). Name, phone, key and token are blanked by the retention purge, which sets
    // resident_purged_at; the event's figures stay.
    std::string reporter_key;
    std::string follow_token;
    std::string follow_token_hash;
    std::optional<std::int64_t> resident_purged_at;

    bool Closed() const { return state == EventState::kRated || state == EventState::kDismissed; }
};

// What an intake form gives (the hotline operator's form: 工单编号, 来电时间, 诉求内容, 地址, 类别, 办理时限).
struct Intake {
    std::string channel;
    std::string external_ref;
    std::string category_code;
    std::string urgency = "normal";
    std::int64_t org_id = 0;
    std::int64_t grid_id = 0;
    std::optional<Coordinates> location;
    std::string address;
    std::string reporter_name;
    std::string reporter_phone;
    std::string description;
    std::vector<std::string> photo_ids;
    std::string related;
    std::int64_t duplicate_of = 0;
    std::string reported_at;  // "YYYY-MM-DD HH:MM[:SS]" Asia/Shanghai, or ISO-8601 with Z / an offset
    std::string handle_by;    // the same, optional (办理时限 as the platform gave it)
};

// Checks every field of an intake against the category found (nullptr: unknown), now and the number of photos
// allowed (policy event.photos_max, read by the use case); one error naming each bad field ("event.*" keys).
// Fills the event's own fields (not the org, which the use case resolves).
Result<Event> CheckIntake(const Intake& in, const Category* category, std::int64_t now, int photos_max);

// "SJ2026-000123": the year of the reporting day (Asia/Shanghai) and a sequence of six digits or more.
std::string EventNumber(int year, std::int64_t seq);

// A photo id: 64 lower-case hex characters.
bool ValidPhotoId(std::string_view id);

// Parses "YYYY-MM-DD HH:MM[:SS]" / "YYYY-MM-DDTHH:MM[:SS]" as Asia/Shanghai civil time, or the same followed by
// "Z" or "+08:00"-style offsets, into UTC millis; nullopt when it is not a real time.
std::optional<std::int64_t> ParseDateTime(std::string_view text);

std::string_view ToString(Channel c);
std::optional<Channel> ParseChannel(std::string_view s);
std::string_view ToString(Urgency u);
std::optional<Urgency> ParseUrgency(std::string_view s);
inline std::string_view ToString(SlaClass c) { return sla::SlaClassName(c); }
std::string_view ToString(EventState s);
std::optional<EventState> ParseEventState(std::string_view s);
const std::vector<EventState>& AllStates();

}  // namespace lianxin::core::event
