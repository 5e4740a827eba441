#include "core/event/event.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "core/common/date.hpp"
#include "core/member/fields.hpp"

namespace lianxin::core::event {

namespace {

template <typename E, std::size_t N>
std::optional<E> ParseIn(const std::array<std::string_view, N>& names, std::string_view s) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == s) return static_cast<E>(i);
    return std::nullopt;
}

constexpr std::array<std::string_view, 7> kChannels{"patrol", "resident", "hotline_12345", "hotline_81890",
                                                    "member", "visit",    "open311"};
constexpr std::array<std::string_view, 2> kUrgencies{"normal", "urgent"};
constexpr std::array<std::string_view, 12> kStates{
    "accepted", "dispatched", "in_progress", "returned", "suspended", "extension_requested",
    "handled",  "verified",   "feedback",    "rated",    "marked",    "dismissed"};
// kStates is listed in the enum's order below (the array is read by index).
constexpr std::array<EventState, 12> kStateOrder{
    EventState::kAccepted, EventState::kDispatched, EventState::kInProgress,
    EventState::kReturned, EventState::kSuspended,  EventState::kExtensionRequested,
    EventState::kHandled,  EventState::kVerified,   EventState::kFeedback,
    EventState::kRated,    EventState::kMarked,     EventState::kDismissed};

int Digits(std::string_view s, std::size_t at, std::size_t n) {
    int v = 0;
    if (at + n > s.size()) return -1;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

}  // namespace

std::optional<std::int64_t> ParseDateTime(std::string_view t) {
    if (t.size() < 16 || (t[10] != ' ' && t[10] != 'T') || t[13] != ':') return std::nullopt;
    auto day = Date::Parse(t.substr(0, 10));
    const int hh = Digits(t, 11, 2), mm = Digits(t, 14, 2);
    if (!day || hh < 0 || hh > 23 || mm < 0 || mm > 59) return std::nullopt;
    std::size_t at = 16;
    int ss = 0;
    if (at < t.size() && t[at] == ':') {
        ss = Digits(t, at + 1, 2);
        if (ss < 0 || ss > 59) return std::nullopt;
        at += 3;
        if (at < t.size() && t[at] == '.') {  // fractions of a second are dropped
            ++at;
            while (at < t.size() && t[at] >= '0' && t[at] <= '9') ++at;
        }
    }
    int offset_minutes = 8 * 60;  // Asia/Shanghai unless the text says otherwise
    if (at < t.size()) {
        if (t[at] == 'Z' && at + 1 == t.size()) {
            offset_minutes = 0;
        } else if ((t[at] == '+' || t[at] == '-') && at + 6 == t.size() && t[at + 3] == ':') {
            const int oh = Digits(t, at + 1, 2), om = Digits(t, at + 4, 2);
            if (oh < 0 || oh > 14 || om < 0 || om > 59) return std::nullopt;
            offset_minutes = (t[at] == '+' ? 1 : -1) * (oh * 60 + om);
        } else {
            return std::nullopt;
        }
    }
    const std::int64_t seconds = day->DaysSinceEpoch() * 86400 + hh * 3600 + mm * 60 + ss - offset_minutes * 60;
    return seconds * 1000;
}

bool ValidPhotoId(std::string_view id) {
    if (id.size() != 64) return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string EventNumber(int year, std::int64_t seq) {
    std::string digits = std::to_string(seq);
    if (digits.size() < 6) digits.insert(0, 6 - digits.size(), '0');
    return "SJ" + std::to_string(year) + "-" + digits;
}

Result<Event> CheckIntake(const Intake& in, const Category* category, std::int64_t now, int photos_max) {
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    Event e;
    auto channel = ParseChannel(in.channel);
    if (!channel) errors.WithField("channel", "event.channel.unknown");
    if (!category || !category->Leaf()) errors.WithField("category_code", "event.category.unknown");
    auto urgency = ParseUrgency(in.urgency);
    if (!urgency) errors.WithField("urgency", "event.urgency.unknown");
    if (in.org_id <= 0) errors.WithField("org_id", "event.org.missing");
    if (in.grid_id < 0) errors.WithField("grid_id", "field.range");
    member::CheckText(in.description, 2, 2000, "description", errors);
    member::CheckText(in.address, 0, 200, "address", errors);
    member::CheckText(in.reporter_name, 0, 30, "reporter_name", errors);
    member::CheckText(in.related, 0, 500, "related", errors);
    member::CheckText(in.external_ref, 0, 40, "external_ref", errors);
    member::CheckPhone(in.reporter_phone, "reporter_phone", errors);
    if (in.location) {
        const auto& c = *in.location;
        if (!std::isfinite(c.lng) || c.lng < -180 || c.lng > 180) errors.WithField("location.lng", "field.range");
        if (!std::isfinite(c.lat) || c.lat < -90 || c.lat > 90) errors.WithField("location.lat", "field.range");
    }
    if (in.photo_ids.size() > static_cast<std::size_t>(std::max(photos_max, 0)))
        errors.WithField("photo_ids", "event.photos.too_many", {{"max", std::to_string(photos_max)}});
    for (std::size_t i = 0; i < in.photo_ids.size(); ++i)
        if (!ValidPhotoId(in.photo_ids[i]))
            errors.WithField("photo_ids[" + std::to_string(i) + "]", "event.photo.format");
    if (in.duplicate_of < 0) errors.WithField("duplicate_of", "field.range");
    std::optional<std::int64_t> reported = now;
    if (!in.reported_at.empty()) {
        reported = ParseDateTime(in.reported_at);
        if (!reported) errors.WithField("reported_at", "event.datetime.format");
        else if (*reported > now) errors.WithField("reported_at", "event.datetime.future");
    }
    if (!in.handle_by.empty()) {
        auto by = ParseDateTime(in.handle_by);
        if (!by) errors.WithField("handle_by", "event.datetime.format");
        else if (reported && *by <= *reported) errors.WithField("handle_by", "event.deadline.before");
        else e.handle_by = by;
    }
    if (!errors.fields.empty()) return Fail(errors);
    e.channel = *channel;
    e.external_ref = in.external_ref;
    e.category_code = category->code;
    e.sla_class = category->sla_class.value_or(SlaClass::kGeneral);
    e.urgency = *urgency;
    e.org_id = in.org_id;
    e.grid_id = in.grid_id;
    e.location = in.location;
    e.address = in.address;
    e.reporter_name = in.reporter_name;
    e.reporter_phone = in.reporter_phone;
    e.description = in.description;
    e.photo_ids = in.photo_ids;
    e.related = in.related;
    e.duplicate_of = in.duplicate_of;
    e.reported_at = *reported;
    e.state = EventState::kAccepted;
    return e;
}

std::string_view ToString(Channel c) { return kChannels[static_cast<std::size_t>(c)]; }
std::optional<Channel> ParseChannel(std::string_view s) { return ParseIn<Channel>(kChannels, s); }
std::string_view ToString(Urgency u) { return kUrgencies[static_cast<std::size_t>(u)]; }
std::optional<Urgency> ParseUrgency(std::string_view s) { return ParseIn<Urgency>(kUrgencies, s); }

std::string_view ToString(EventState s) {
    for (std::size_t i = 0; i < kStateOrder.size(); ++i)
        if (kStateOrder[i] == s) return kStates[i];
    return "accepted";
}

std::optional<EventState> ParseEventState(std::string_view s) {
    for (std::size_t i = 0; i < kStates.size(); ++i)
        if (kStates[i] == s) return kStateOrder[i];
    return std::nullopt;
}

const std::vector<EventState>& AllStates() {
    static const std::vector<EventState> kAll(kStateOrder.begin(), kStateOrder.end());
    return kAll;
}

}  // namespace lianxin::core::event
