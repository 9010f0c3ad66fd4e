-- wrk script for ReloadUnderLoadTest. wrk 4.1 has no rate option (-R is wrk2's): each
-- connection waits delay() ms before its next request, so connections / (delay + round trip)
-- bounds the rate (4 connections, 2 ms: about 1,000 requests per second on loopback).
-- done() prints one machine-readable line; non-2xx counts every answer outside 200-299.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function delay()
  return 2
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  io.write(string.format("paced-load requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, bad, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
end
