#include "core/patrol/patrol.hpp"

#include <cmath>

#include "core/member/fields.hpp"

namespace lianxin::core::patrol {

std::string_view ToString(ItemKind k) {
    switch (k) {
        case ItemKind::kPatrol:
            return "patrol";
        case ItemKind::kSession:
            return "session";
        case ItemKind::kVisit:
            return "visit";
    }
    return "patrol";
}

void CheckItem(const Item& item, int max_photos, const std::string& prefix, Error& errors) {
    member::CheckText(item.text, 2, 1000, (prefix + "text").c_str(), errors);
    if (static_cast<int>(item.photo_ids.size()) > max_photos)
        errors.WithField(prefix + "photo_ids", "event.photos.too_many", {{"max", std::to_string(max_photos)}});
    for (std::size_t i = 0; i < item.photo_ids.size(); ++i)
        if (!event::ValidPhotoId(item.photo_ids[i]))
            errors.WithField(prefix + "photo_ids[" + std::to_string(i) + "]", "event.photo.format");
    if (item.location) {
        const auto& c = *item.location;
        if (!std::isfinite(c.lng) || c.lng < -180 || c.lng > 180)
            errors.WithField(prefix + "location.lng", "field.range");
        if (!std::isfinite(c.lat) || c.lat < -90 || c.lat > 90)
            errors.WithField(prefix + "location.lat", "field.range");
    }
    if (item.category_code.size() > 64) errors.WithField(prefix + "category_code", "event.category.unknown");
}

bool ValidTime(std::string_view t) {
    if (t.size() != 5 || t[2] != ':') return false;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (t[i] < '0' || t[i] > '9') return false;
    const int hh = (t[0] - '0') * 10 + (t[1] - '0'), mm = (t[3] - '0') * 10 + (t[4] - '0');
    return hh <= 23 && mm <= 59;
}

void CheckPatrol(const std::string& day, const Date& today, Patrol& p, Error& errors) {
    if (day.empty()) {
        p.day = today;
    } else if (auto d = member::CheckDate(day, today, "day", errors)) {
        p.day = *d;
    }
    if (!ValidTime(p.start_time)) errors.WithField("start_time", "patrol.time.format");
    if (!p.end_time.empty()) {
        if (!ValidTime(p.end_time)) errors.WithField("end_time", "patrol.time.format");
        else if (ValidTime(p.start_time) && p.end_time < p.start_time)
            errors.WithField("end_time", "patrol.time.before_start");
    }
    member::CheckText(p.route, 0, 500, "route", errors);
    member::CheckText(p.note, 0, 1000, "note", errors);
}

Date WeekStart(const Date& d) {
    // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
    const auto days = d.DaysSinceEpoch();
    const int from_monday = static_cast<int>(((days + 3) % 7 + 7) % 7);
    return d.AddDays(-from_monday);
}

std::vector<Date> ShortDays(const std::vector<DutyDay>& days, int expected) {
    std::vector<Date> out;
    for (const auto& d : days)
        if (d.working && d.patrols < expected) out.push_back(d.day);
    return out;
}

}  // namespace lianxin::core::patrol
