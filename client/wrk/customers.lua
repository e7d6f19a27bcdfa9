-- wrk script: GET /customers/{id}/reservations for customers c0 to c99999 (the benchmark tool's buyers'
-- customers), spread by a stride, as keep-alive load on the customer lists. Fill them first with a sale,
-- e.g. `hot-event --path client --warmup 0 --duration 20`. Usage:
--   wrk -t2 -c64 -d30s --latency -s client/wrk/customers.lua http://127.0.0.1:8080
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/customers/c" .. ((n * 7919) % 100000) .. "/reservations")
end
