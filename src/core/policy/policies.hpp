// Policy settings (政策参数设定) and how a value is found (domain.md "Everything local is policy data"): a
// setting gives a key a value for one org's subtree from a date (valid_from, inclusive) until the next change
// (valid_to, exclusive; open while in force). History is append-only: a change closes the open setting of the
// same key and org on the new one's first day. The value of a key for an org on a date is that of the most
// specific setting (the nearest org on the path, the org itself first) valid on that date, else the national
// default of the catalogue. Decisions made on a date are judged by the policy of that date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/date.hpp"
#include "core/common/result.hpp"
#include "core/policy/catalogue.hpp"

namespace lianxin::core::policy {

struct Setting {
    std::int64_t id = 0;
    std::string key;
    std::int64_t org_id = 0;
    std::string org_path;  // the subtree it holds for
    Date valid_from;
    std::optional<Date> valid_to;  // exclusive; nullopt while in force
    std::int64_t value = 0;        // as catalogue.hpp reads it (a choice's index)
    std::string doc;               // the decision document (文号), 1–100 characters
    std::int64_t set_by = 0;       // user id; 0 = the operator's CLI
    std::string set_by_name;
    std::int64_t set_at = 0;  // UTC millis

    bool ValidOn(const Date& on) const { return valid_from <= on && (!valid_to || on < *valid_to); }
    // A pending setting superseded before its first day: an empty span kept in the history.
    bool Withdrawn() const { return valid_to && *valid_to <= valid_from; }
};

// The settings that hold for one org (those of the org and its ancestors), read for any date. Built once per
// transaction from PolicyRepo::ForPath; pure.
class Policies {
public:
    Policies() = default;  // national defaults only
    Policies(std::string org_path, std::vector<Setting> settings);

    // The setting in force for the org on `on`, or nullptr when the national default holds.
    const Setting* InForce(std::string_view key, const Date& on) const;
    // The value of `key` on `on`. `key` must be in the catalogue (a programmer error otherwise: the default 0).
    std::int64_t Value(std::string_view key, const Date& on) const;
    int Int(std::string_view key, const Date& on) const { return static_cast<int>(Value(key, on)); }
    const std::string& org_path() const { return org_path_; }

private:
    std::string org_path_;
    std::vector<Setting> settings_;
};

// A proposed change, checked against today and the same key's settings of the same org.
struct Change {
    Setting setting;                                    // id 0: to insert
    std::vector<std::pair<std::int64_t, Date>> closes;  // (setting id, new valid_to)
};

// Checks and plans a new setting: the key is in the catalogue, the value in its bounds ("value"), the document
// given (1–100 characters, "doc"), the first day today or later ("valid_from": "policy.rule.past" — the past is
// judged by what held then). The open setting of the same org closes on the new first day; a pending one that
// would start on or after it is withdrawn (closed on its own first day, an empty span kept in the history).
Result<Change> PlanChange(const std::vector<Setting>& same_org_key, Setting proposed, const std::string& value_text,
                          const Date& today);

}  // namespace lianxin::core::policy
