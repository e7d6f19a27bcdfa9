-- wrk script: POST /events/{id}/reservations with a new reservation id per request (1 to 4 seats,
-- customer ids among 100,000), as keep-alive load for the REST path. No replays, no checks: the
-- benchmark tool (--path rest) does those. Usage, for an event "x" with a category "floor":
--   wrk -t2 -c64 -d30s --latency -s client/wrk/reserve.lua http://127.0.0.1:8080/events/x/reservations
-- With PREFER=respond-async in the environment, through the asynchronous intake (202 once stored with
-- its backup; GET /metrics shows booking_intake_pending draining afterwards).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local prefer = os.getenv("PREFER")
if prefer and prefer ~= "" then
  wrk.headers["Prefer"] = prefer
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tag", threads .. "-" .. os.time())
end

local n = 0
request = function()
  n = n + 1
  local body = '{"reservationId":"w' .. tag .. '-' .. n .. '","category":"floor","customerId":"c'
      .. (n % 100000) .. '","quantity":' .. (1 + n % 4) .. '}'
  return wrk.format(nil, nil, nil, body)
end
