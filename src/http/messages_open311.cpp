// Messages of Open311 GeoReport v2 and its api keys (issue 17 "Open interfaces"). A posting client is a program:
// each message names the parameter as the spec spells it (lat, long, service_code …) in both languages.
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& Open311Messages() {
    static const Table kTable{
        {"open311.key.missing", {"缺少 api_key：请使用管理员签发的密钥", "api_key was not provided"}},
        {"open311.key.invalid", {"api_key 无效或已被吊销", "api_key is invalid or was revoked"}},
        {"open311.key.org_missing", {"请选择密钥所属组织", "Choose the organization the key belongs to"}},
        {"open311.key.revoked", {"该密钥已吊销", "The key was revoked already"}},
        {"open311.jurisdiction.unknown",
         {"jurisdiction_id 不存在：应为社区（12 位）或街道（9 位）区划代码",
          "jurisdiction_id was not found: a community's 12-digit or a street's 9-digit division code"}},
        {"open311.service.missing", {"缺少 service_code", "service_code was not provided"}},
        {"open311.service.unknown",
         {"service_code 不存在：请从 services 列表中选择", "service_code was not found: pick one from services"}},
        {"open311.request.unknown", {"service_request_id 不存在", "service_request_id was not found"}},
        {"open311.request_id.format",
         {"service_request_id 应为以逗号分隔的数字", "service_request_id must be numbers separated by commas"}},
        {"open311.status.unknown", {"status 只能为 open 或 closed", "status must be open or closed"}},
        {"open311.date.format",
         {"{field}应为 W3C 日期时间，如 2026-12-07T10:00:00+08:00",
          "{field} must be a W3C date-time such as 2026-12-07T10:00:00+08:00"}},
        {"open311.point.format",
         {"{field}应为 WGS-84 经纬度（lat −90…90，long −180…180），且 lat 与 long 同时提供",
          "{field} must be WGS-84 degrees (lat −90…90, long −180…180), lat and long given together"}},
        {"open311.point.outside",
         {"{field}（lat/long）：该位置不在任何网格内", "{field} (lat/long): the place lies in no grid"}},
        {"open311.point.jurisdiction",
         {"{field}（lat/long）：该位置不在“{jurisdiction}”的网格内",
          "{field} (lat/long): the place lies in no grid of “{jurisdiction}”"}},
        {"open311.point.key_scope",
         {"{field}（lat/long）：该位置不在本密钥所属组织的范围内",
          "{field} (lat/long): the place lies outside the key's organization"}},
        {"open311.place.missing",
         {"{field}（lat/long）：请提供 lat/long，或社区的 jurisdiction_id 与 address_string",
          "{field} (lat/long): give lat/long, or a community's jurisdiction_id and an address_string"}},
        {"open311.place.point_needed",
         {"{field}（lat/long）：街道或本密钥范围外的辖区须提供 lat/long 以确定网格",
          "{field} (lat/long): a street, or a jurisdiction outside the key's organization, needs lat/long to find the "
          "grid"}},
        {"open311.form.malformed",
         {"请求体应为 application/x-www-form-urlencoded 表单",
          "The body must be an application/x-www-form-urlencoded form"}},
        {"open311.field.too_long", {"{field}过长：不超过 {max} 字节", "{field} is too long: at most {max} bytes"}},
    };
    return kTable;
}

const Table& Open311Labels() {
    static const Table kTable{
        {"api_key", {"api_key", "api_key"}},
        {"jurisdiction_id", {"jurisdiction_id", "jurisdiction_id"}},
        {"service_code", {"service_code", "service_code"}},
        {"service_request_id", {"service_request_id", "service_request_id"}},
        {"long", {"经度", "Longitude"}},
        {"address_string", {"address_string（地址）", "address_string"}},
        {"first_name", {"first_name/last_name（称呼）", "first_name/last_name"}},
        {"start_date", {"start_date", "start_date"}},
        {"end_date", {"end_date", "end_date"}},
        {"media_url", {"media_url", "media_url"}},
        {"client_name", {"客户端名称", "Client name"}},
        {"open311_key", {"Open311 密钥", "Open311 key"}},
    };
    return kTable;
}

}  // namespace lianxin::http
