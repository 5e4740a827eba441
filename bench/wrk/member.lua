-- wrk script for G1: GET /api/v1/members/{id} with random ids 1..WRK_MAX_ID and an optional Cookie header.
--
-- Environment (read once per wrk thread):
--   WRK_MAX_ID   highest member id (ids are 1..N); required unless WRK_FIXED_PATH is set
--   WRK_COOKIE   value of the Cookie header (e.g. "lx_sid=..."); empty for the unauthenticated peer
--   WRK_PREFIX   path before the random id (default /api/v1/members/; bench/run also uses /api/v1/orgs/)
--   WRK_FIXED_PATH  request this one path instead (e.g. /healthz for the baseline line)
--   WRK_SEED     random seed (default 1); each wrk thread adds its own index
--
-- Every request is built in Lua (no response() callback: that would make wrk parse every header into Lua
-- and cost the load generator CPU it shares with the server on this 2-core machine).
-- done() prints one machine-readable line, "BENCH key=value ...", which bench/run parses.

local max_id = tonumber(os.getenv("WRK_MAX_ID") or "0")
local cookie = os.getenv("WRK_COOKIE") or ""
local fixed = os.getenv("WRK_FIXED_PATH") or ""
local prefix = os.getenv("WRK_PREFIX") or ""
if prefix == "" then prefix = "/api/v1/members/" end
local seed = tonumber(os.getenv("WRK_SEED") or "1")

local next_thread = 0
function setup(thread)
    thread:set("wrk_thread_index", next_thread)  -- a global in that thread's Lua state
    next_thread = next_thread + 1
end

local headers = {}
if cookie ~= "" then headers["Cookie"] = cookie end
headers["Accept"] = "application/json"

function init(args)
    math.randomseed(seed * 7919 + (wrk_thread_index or 0))
    if fixed == "" and max_id < 1 then
        error("WRK_MAX_ID must be >= 1 (or set WRK_FIXED_PATH)")
    end
end

function request()
    local path = fixed
    if path == "" then path = prefix .. math.random(1, max_id) end
    return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        "BENCH requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d " ..
        "mean_us=%.1f err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
        summary.requests, summary.duration, summary.bytes,
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
        latency.max, latency.mean, e.connect, e.read, e.write, e.status, e.timeout))
end
