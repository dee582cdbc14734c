-- wrk's summary hook: one machine-readable line per run (requests a second, p95 latency in ms, non-2xx answers, errors).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p95_ms=%.1f p50_ms=%.1f non2xx=%d errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(95) / 1000, latency:percentile(50) / 1000,
    summary.errors.status, errors, summary.requests))
end
