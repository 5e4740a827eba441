// Open311 GeoReport v2 answers (issue 17 "Open interfaces"): the ".:format" routes, XML written with its escaping,
// and lianxin errors turned into the spec's [{code, description}] (JSON or <errors> by the path's extension).
#include "http/open311_format.hpp"

#include <gtest/gtest.h>

#include "http/error_mapping.hpp"
#include "http/router.hpp"

namespace lianxin::http {
namespace {

TEST(Open311Format, TheFormatIsTheExtensionAndACodeMayHoldDots) {
    auto m = MatchRoute(Routes(), "GET", "/open311/v2/services.xml");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(m.params.at("format"), "xml");
    m = MatchRoute(Routes(), "GET", "/open311/v2/services/city.street_vending.json");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(m.params.at("service_code"), "city.street_vending");
    EXPECT_EQ(m.params.at("format"), "json");
    m = MatchRoute(Routes(), "GET", "/open311/v2/requests/12.json");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(m.params.at("id"), "12");
    EXPECT_FALSE(MatchRoute(Routes(), "GET", "/open311/v2/services.txt").route);
    EXPECT_FALSE(MatchRoute(Routes(), "GET", "/open311/v2/services").route);
    EXPECT_FALSE(MatchRoute(Routes(), "GET", "/open311/v2/requests/x1.json").route);
    EXPECT_FALSE(MatchRoute(Routes(), "GET", "/open311/v2/services/CITY.json").route);
}

TEST(Open311Format, XmlIsEscapedAndWellNested) {
    EXPECT_EQ(XmlEscape("a<b>&\"c'\x01\td"), "a&lt;b&gt;&amp;&quot;c&apos;\td");
    const nlohmann::json v = nlohmann::json::array(
        {{{"service_code", "x&y"}, {"lat", 24.5}, {"media_url", nullptr}, {"attributes", nlohmann::json::array({1})}}});
    EXPECT_EQ(
        ToXml(v, "service_requests", "request"),
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request><attributes><attribute>1</attribute>"
        "</attributes><lat>24.5</lat><media_url></media_url><service_code>x&amp;y</service_code></request>"
        "</service_requests>");
}

TEST(Open311Format, ErrorsTakeTheSpecsShapeWithTheStatusAsCode) {
    Request req;
    req.request_id = "rid12345";
    req.path = "/open311/v2/requests.json";
    auto e = core::MakeError(core::ErrorCode::kInvalidArgument, "request.invalid")
                 .WithField("service_code", "open311.service.missing")
                 .WithField("lat", "open311.place.missing");
    Response r = Open311Errors(ErrorResponse(e, req), req);
    EXPECT_EQ(r.status, 400);
    const auto body = nlohmann::json::parse(r.body);
    ASSERT_EQ(body.size(), 2u);
    EXPECT_EQ(body[0]["code"], 400);
    EXPECT_EQ(body[0]["description"], "缺少 service_code");
    req.path = "/open311/v2/requests.xml";
    Response x = Open311Errors(ErrorResponse(core::Denied("open311.key.invalid"), req), req);
    EXPECT_EQ(x.status, 403);
    EXPECT_EQ(x.content_type, "application/xml; charset=utf-8");
    EXPECT_NE(x.body.find("<errors><error><code>403</code><description>api_key 无效或已被吊销</description></error>"),
              std::string::npos);
    Response ok;
    ok.body = "[]";
    EXPECT_EQ(Open311Errors(ok, req).body, "[]");  // answers pass through
}

}  // namespace
}  // namespace lianxin::http
