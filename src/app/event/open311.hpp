// Open311 GeoReport v2 (issue 17 "Open interfaces"; docs/api.md "Open311"): the public service list and the
// requests, mapped onto events and their category dictionary, and the api keys that posting clients use.
// - service_code is a leaf category's code; a service's group is its top category's name.
// - jurisdiction_id is the division code of a community (12 digits) or a street (9), the prefix of its grids' codes
//   (core/event/open311.hpp); unknown: 404. Without it the whole install is the jurisdiction.
// - GET answers show no resident's data: no name, phone or email, and phone / ID numbers in the description masked.
// - A POST needs an api key issued on an org (store: only its SHA-256); the request's place (lat/long in WGS-84)
//   must lie in a grid of the jurisdiction and of the key's subtree (400 naming lat/long otherwise); without a
//   point a community jurisdiction and an address_string place it. The event enters as channel open311 and follows
//   the normal loop; the community accepts it. Each key spends its own write budget (the session budget's rate).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/auth.hpp"
#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/event/event.hpp"
#include "core/ports/event_records.hpp"
#include "core/ports/open311_records.hpp"

namespace lianxin::app {

struct Open311Service {
    core::event::Category category;  // a leaf
    std::string group;               // its top category's name
};
// Every leaf; 404 for an unknown jurisdiction (the services are the same in every one).
core::Result<std::vector<Open311Service>> Open311Services(Context& ctx, const std::string& jurisdiction_id);
// 404 "open311.service.unknown" for a code that is no leaf.
core::Result<Open311Service> Open311ServiceDefinition(Context& ctx, const std::string& service_code,
                                                      const std::string& jurisdiction_id);

struct Open311Query {
    std::string jurisdiction_id;
    std::vector<std::int64_t> ids;  // service_request_id, comma separated: overrides the other filters
    std::string service_code;
    std::string start_date, end_date;  // W3C date-times
    std::string status;                // open | closed | ""
};
struct Open311Request {
    core::ports::EventRecord record;
    std::string service_name;
};
// Newest first; without ids or dates, the last 90 days (the spec's default); at most 1000.
core::Result<std::vector<Open311Request>> Open311Requests(Context& ctx, const Open311Query& q);
// 404 "open311.request.unknown" when no event has the id (in the jurisdiction, when one is given).
core::Result<Open311Request> Open311RequestById(Context& ctx, std::int64_t id, const std::string& jurisdiction_id);

struct Open311Post {
    std::string api_key;
    std::string jurisdiction_id;
    std::string service_code;
    std::string lat, lng;  // as sent ("lat", "long")
    std::string address_string;
    std::string description;
    std::string first_name, last_name, phone, email;  // optional; email is not kept
    std::string media_url;                            // optional; not fetched
};
struct Open311Receipt {
    std::int64_t id = 0;
    std::string number;
    std::string org_name;
};
core::Result<Open311Receipt> Open311Submit(Context& ctx, const Open311Post& in, const ClientInfo& client);

// The admin's keys (org_write on the key's org). IssueOpen311Key answers the key once, in `key`.
struct IssuedOpen311Key {
    core::ports::Open311Key record;
    std::string key;
};
core::Result<IssuedOpen311Key> IssueOpen311Key(Context& ctx, const core::auth::Actor& actor, std::int64_t org_id,
                                               const std::string& name);
// The keys issued in the actor's scope (or the subtree of org_id when given), newest first.
core::Result<std::vector<core::ports::Open311Key>> ListOpen311Keys(Context& ctx, const core::auth::Actor& actor,
                                                                   std::int64_t org_id);
// 404 outside the scope; 409 "open311.key.revoked" when revoked already.
core::Result<core::ports::Open311Key> RevokeOpen311Key(Context& ctx, const core::auth::Actor& actor, std::int64_t id);

}  // namespace lianxin::app
