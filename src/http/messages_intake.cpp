// Messages of a resident's intake (issue 17): photos (media) and the one-time code (otp). Each names its field
// and quotes the figure in force.
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& IntakeMessages() {
    static const Table kTable{
        {"media.not_image",
         {"{field}不是图片：只接收 JPEG、PNG 或 WebP 照片", "{field} is not an image: only JPEG, PNG or WebP photos"}},
        {"media.unreadable",
         {"{field}已损坏或无法读取，请重新拍摄或换一张", "{field} is damaged or cannot be read; take or pick another"}},
        {"media.too_large", {"{field}过大：每张不超过 {max} 字节", "{field} is too large: at most {max} bytes each"}},
        {"media.too_many_pixels",
         {"{field}像素过多（{width}×{height}）：不超过 {max} 像素",
          "{field} has too many pixels ({width}×{height}): at most {max}"}},
        {"media.too_many_photos", {"{field}最多 {max} 张", "At most {max} {field}"}},
        {"media.no_codec", {"照片服务暂不可用，请稍后再试", "Photos cannot be received now; try again later"}},
        {"otp.phone.format", {"{field}应为 11 位手机号码", "{field} must be an 11-digit mobile number"}},
        {"otp.code.format", {"{field}应为 6 位数字", "{field} must be 6 digits"}},
        {"otp.code.none", {"{field}无效或已使用，请重新获取", "{field} is not valid or was used; ask for a new one"}},
        {"otp.code.expired", {"{field}已过期，请重新获取", "{field} has expired; ask for a new one"}},
        {"otp.code.wrong", {"{field}不正确，还可尝试 {left} 次", "{field} is wrong; {left} tries left"}},
        {"otp.code.locked",
         {"{field}已输错 {max} 次，已作废，请重新获取",
          "{field} was wrong {max} times and is locked; ask for a new one"}},
        {"otp.locked",
         {"验证码已输错 {max} 次，已作废，请重新获取",
          "The code was wrong {max} times and is locked; ask for a new one"}},
        {"otp.send.phone_throttled",
         {"该手机号一小时内最多获取 {max} 次验证码，请 {retry_after} 秒后再试",
          "At most {max} codes an hour for this number; try again in {retry_after} s"}},
        {"otp.send.address_throttled",
         {"本网络一小时内最多获取 {max} 次验证码，请 {retry_after} 秒后再试",
          "At most {max} codes an hour from this network; try again in {retry_after} s"}},
        {"otp.no_sender", {"短信服务未配置，暂不能发送验证码", "No SMS service is configured: codes cannot be sent"}},
        {"otp.sender_unavailable", {"短信发送失败，请稍后再试", "The code could not be sent; try again later"}},
        {"otp.gateway_url", {"{field}应为 http:// 开头的地址", "{field} must be an http:// URL"}},
        {"auth.resident_token", {"手机验证已失效，请重新验证", "Your phone verification has expired; verify again"}},
    };
    return kTable;
}

const Table& IntakeLabels() {
    static const Table kTable{
        {"photo", {"照片", "Photo"}},
        {"photos", {"照片", "photos"}},
        {"otp.gateway_url", {"短信网关地址", "The SMS gateway URL"}},
    };
    return kTable;
}

}  // namespace lianxin::http
