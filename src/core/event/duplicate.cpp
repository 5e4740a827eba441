#include "core/event/duplicate.hpp"

#include <boost/geometry.hpp>
#include <cmath>

#include "core/member/fields.hpp"
#include "core/policy/duplicate_keys.hpp"

namespace lianxin::core::event {

namespace bg = boost::geometry;

namespace {
using GeoPt = bg::model::point<double, 2, bg::cs::geographic<bg::degree>>;
}  // namespace

DuplicateRule DuplicateRuleFor(const policy::Policies& policies, const Date& on) {
    return {policies.Int(policy::kEventDuplicateDistanceMetres, on),
            policies.Int(policy::kEventDuplicateWindowDays, on)};
}

double DistanceMetres(const Coordinates& a, const Coordinates& b) {
    const bg::srs::spheroid<double> wgs84(6378137.0, 6356752.3142451793);
    return bg::distance(GeoPt(a.lng, a.lat), GeoPt(b.lng, b.lat),
                        bg::strategy::distance::geographic<bg::strategy::andoyer>(wgs84));
}

DuplicateProbe ProbeOf(const Event& e) { return {e.id, e.category_code, e.location, e.reported_at}; }

std::optional<DuplicateMatch> MatchDuplicate(const DuplicateProbe& probe, const Event& other,
                                             const DuplicateRule& rule) {
    if (other.id == probe.id || other.Closed() || other.category_code != probe.category_code) return std::nullopt;
    if (!probe.location || !other.location) return std::nullopt;
    const std::int64_t age = probe.reported_at - other.reported_at;
    if (std::llabs(age) > std::int64_t{rule.window_days} * kDayMillis) return std::nullopt;
    const double d = DistanceMetres(*probe.location, *other.location);
    if (d > rule.distance_m) return std::nullopt;
    return DuplicateMatch{d, age};
}

BoxE6 SearchBox(const Coordinates& c, int metres) {
    // One degree of latitude is at least 110.5 km; of longitude at least that times cos(lat). A tenth more and
    // a metre of slack keep every point that MatchDuplicate accepts inside.
    const double m = (metres + 1.0) * 1.1;
    const double dlat = m / 110'500.0;
    const double cos_lat = std::max(0.01, std::cos(std::min(89.0, std::abs(c.lat) + dlat) * M_PI / 180.0));
    const double dlng = std::min(180.0, dlat / cos_lat);
    auto e6 = [](double deg) { return static_cast<std::int64_t>(std::llround(deg * 1e6)); };
    return {e6(c.lng - dlng), e6(c.lng + dlng), e6(c.lat - dlat), e6(c.lat + dlat)};
}

bool Mergeable(EventState s) {
    return s == EventState::kAccepted || s == EventState::kDispatched || s == EventState::kInProgress ||
           s == EventState::kReturned || s == EventState::kSuspended;
}

bool IsMerged(const Event& e) {
    return e.state == EventState::kDismissed && e.mark_kind == kMarkDuplicate && e.duplicate_of != 0;
}

Result<Event> MergeInto(const Event& dup, const Event& primary, const std::string& reason, const Relations& rel,
                        std::int64_t now) {
    if (!rel.dispatcher)
        return Fail(MakeError(ErrorCode::kPermissionDenied, "event.rule.party").WithParam("event_action", "merge"));
    if (!Mergeable(dup.state))
        return Fail(MakeError(ErrorCode::kFailedPrecondition, "event.rule.state")
                        .WithParam("event_state", std::string(ToString(dup.state)))
                        .WithParam("event_action", "merge"));
    Error errors = MakeError(ErrorCode::kInvalidArgument, "request.invalid");
    if (primary.id == dup.id) errors.WithField("primary_id", "event.merge.self");
    else if (IsMerged(primary)) errors.WithField("primary_id", "event.merge.chain", {{"number", primary.number}});
    else if (primary.Closed()) errors.WithField("primary_id", "event.merge.closed", {{"number", primary.number}});
    else if (primary.category_code != dup.category_code) errors.WithField("primary_id", "event.merge.category");
    member::CheckText(reason, 2, 500, "reason", errors);
    if (!errors.fields.empty()) return Fail(errors);
    Event next = dup;
    next.state = EventState::kDismissed;
    next.mark_kind = std::string(kMarkDuplicate);
    next.duplicate_of = primary.id;
    next.suspended_since.reset();
    next.closed_at = now;
    next.updated_at = now;
    return next;
}

}  // namespace lianxin::core::event
