// Open311 GeoReport v2 (docs/api.md "Open311"; issue 17 "Open interfaces"): services, a service's definition,
// requests (GET with the spec's filters, POST form-encoded with an api key) and one request, each as JSON or XML
// by the path's extension. Errors take the spec's shape in the pipeline (open311_format.hpp). No answer carries a
// resident's name, phone or email; phone and ID numbers in a description are masked.
#include <charconv>

#include "app/event/open311.hpp"
#include "core/event/open311.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/open311_format.hpp"
#include "http/server.hpp"

namespace lianxin::http::handlers {

namespace {

using nlohmann::json;
namespace ev = core::event;

const std::string& Format(const Call& call) { return call.req.params.at("format"); }

std::string Q(const Request& req, const char* name) {
    const std::string* v = req.Query(name);
    return v ? *v : "";
}

json ServiceJson(const app::Open311Service& s) {
    return {{"service_code", s.category.code},
            {"service_name", s.category.name_zh},
            {"description", s.category.name_en},
            {"metadata", false},
            {"type", "realtime"},
            {"keywords", ""},
            {"group", s.group}};
}

json Opt(const std::optional<std::int64_t>& t) { return t ? json(ev::W3cDateTime(*t)) : json(nullptr); }

json RequestJson(const app::Open311Request& r) {
    const auto& e = r.record.event;
    const std::string& agency = r.record.assignee_org_name.empty() ? r.record.owner_org_name
                                                                   : r.record.assignee_org_name;
    return {{"service_request_id", std::to_string(e.id)},
            {"status", std::string(ev::Open311Status(e.state))},
            {"status_notes", ""},
            {"service_name", r.service_name},
            {"service_code", e.category_code},
            {"description", ev::MaskNumbersInText(e.description)},
            {"agency_responsible", agency},
            {"service_notice", e.number},
            {"requested_datetime", ev::W3cDateTime(e.reported_at)},
            {"updated_datetime", ev::W3cDateTime(e.updated_at)},
            {"expected_datetime", Opt(e.handle_by)},
            {"address", e.address},
            {"address_id", ""},
            {"zipcode", ""},
            {"lat", e.location ? json(e.location->lat) : json(nullptr)},
            {"long", e.location ? json(e.location->lng) : json(nullptr)},
            {"media_url", ""}};
}

// The fields a GeoReport v2 POST may carry; any other is refused by name (security.md A7), attribute[…] aside.
constexpr const char* kPostFields[] = {"api_key",        "jurisdiction_id", "service_code", "lat",         "long",
                                       "address_string", "address_id",      "email",        "device_id",   "account_id",
                                       "first_name",     "last_name",       "phone",        "description", "media_url"};

}  // namespace

core::Result<Response> Open311Services(Call& call) {
    LX_ASSIGN(services, app::Open311Services(call.ctx, Q(call.req, "jurisdiction_id")));
    json out = json::array();
    for (const auto& s : services) out.push_back(ServiceJson(s));
    return Open311Answer(out, Format(call), "services", "service");
}

core::Result<Response> Open311ServiceDefinition(Call& call) {
    LX_ASSIGN(
        s, app::Open311ServiceDefinition(call.ctx, call.req.params.at("service_code"), Q(call.req, "jurisdiction_id")));
    return Open311Answer({{"service_code", s.category.code}, {"attributes", json::array()}}, Format(call),
                         "service_definition", "attribute");
}

core::Result<Response> Open311Requests(Call& call) {
    const auto& req = call.req;
    app::Open311Query q;
    q.jurisdiction_id = Q(req, "jurisdiction_id");
    q.service_code = Q(req, "service_code");
    q.start_date = Q(req, "start_date");
    q.end_date = Q(req, "end_date");
    q.status = Q(req, "status");
    const std::string ids = Q(req, "service_request_id");
    for (std::size_t i = 0; i < ids.size() && q.ids.size() <= 1000;) {
        std::size_t comma = ids.find(',', i);
        if (comma == std::string::npos) comma = ids.size();
        std::int64_t id = 0;
        const auto* first = ids.data() + i;
        const auto* last = ids.data() + comma;
        auto [p, ec] = std::from_chars(first, last, id);
        if (ec != std::errc() || p != last || id <= 0)
            return core::Fail(core::InvalidField("service_request_id", "open311.request_id.format"));
        q.ids.push_back(id);
        i = comma + 1;
    }
    LX_ASSIGN(rows, app::Open311Requests(call.ctx, q));
    json out = json::array();
    for (const auto& r : rows) out.push_back(RequestJson(r));
    return Open311Answer(out, Format(call), "service_requests", "request");
}

core::Result<Response> Open311Request(Call& call) {
    LX_ASSIGN(r, app::Open311RequestById(call.ctx, PathId(call.req, "id"), Q(call.req, "jurisdiction_id")));
    return Open311Answer(json::array({RequestJson(r)}), Format(call), "service_requests", "request");
}

core::Result<Response> Open311Post(Call& call) {
    // Clients put api_key and jurisdiction_id in the query string as often as in the form (the spec's own examples
    // do): both are read, the form's value winning.
    std::map<std::string, std::string> form;
    if (!ParseQuery(call.req.body, form)) return core::Fail(core::InvalidField("body", "open311.form.malformed"));
    for (const auto& [name, value] : call.req.query) form.emplace(name, value);
    core::Error errors = core::MakeError(core::ErrorCode::kInvalidArgument, "request.invalid");
    for (const auto& [name, value] : form) {
        const bool known = name.rfind("attribute[", 0) == 0 ||
                           std::find(std::begin(kPostFields), std::end(kPostFields), name) != std::end(kPostFields);
        if (!known) errors.WithField(name, "json.unknown_field", {{"name", name}});
        else if (value.size() > 4000) errors.WithField(name, "open311.field.too_long", {{"max", "4000"}});
    }
    if (!errors.fields.empty()) return core::Fail(errors);
    auto f = [&](const char* name) { return form.count(name) ? form.at(name) : std::string(); };
    app::Open311Post in;
    in.api_key = f("api_key");
    in.jurisdiction_id = f("jurisdiction_id");
    in.service_code = f("service_code");
    in.lat = f("lat");
    in.lng = f("long");
    in.address_string = f("address_string");
    in.description = f("description");
    in.first_name = f("first_name");
    in.last_name = f("last_name");
    in.phone = f("phone");
    in.email = f("email");
    in.media_url = f("media_url");
    LX_ASSIGN(receipt, app::Open311Submit(call.ctx, in, call.client()));
    json out = json::array({{{"service_request_id", std::to_string(receipt.id)},
                             {"service_notice", receipt.number + " · " + receipt.org_name},
                             {"account_id", nullptr}}});
    return Open311Answer(out, Format(call), "service_requests", "request");  // 200: what the clients expect
}

}  // namespace lianxin::http::handlers
