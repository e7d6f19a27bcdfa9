-- wrk script: as reserve.lua, through the asynchronous intake (Prefer: respond-async, answered 202 once
-- the request is stored with its backup). GET /metrics shows booking_intake_pending draining afterwards.
--   wrk -t2 -c64 -d30s --latency -s client/wrk/reserve-async.lua http://127.0.0.1:8080/events/x/reservations
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Prefer"] = "respond-async"

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tag", threads .. "-" .. os.time())
end

local n = 0
request = function()
  n = n + 1
  local body = '{"reservationId":"a' .. tag .. '-' .. n .. '","category":"floor","customerId":"c'
      .. (n % 100000) .. '","quantity":' .. (1 + n % 4) .. '}'
  return wrk.format(nil, nil, nil, body)
end
