package io.ringbridge.simulator.faults;

import io.ringbridge.simulator.http.RcErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds the active faults and decides, per request, which ones hit. The rule list is copy-on-write: reads on
 * the hot path take no lock, and with no rules and no base latency the decision is a single volatile read.
 */
public final class FaultInjector {
    private volatile List<ActiveFault> faults = List.of();
    private volatile long baseLatencyMs;
    private final Map<String, AtomicLong> hits = new ConcurrentHashMap<>();

    public FaultInjector(long baseLatencyMs) {
        this.baseLatencyMs = baseLatencyMs;
    }

    public synchronized void add(FaultRule rule) {
        List<ActiveFault> next = new ArrayList<>(faults);
        next.add(new ActiveFault(rule));
        faults = List.copyOf(next);
    }

    public synchronized void replace(List<FaultRule> rules) {
        faults = rules.stream().map(ActiveFault::new).toList();
    }

    public synchronized void clear() {
        faults = List.of();
        hits.clear();
    }

    public List<FaultRule> rules() {
        return faults.stream().map(ActiveFault::rule).toList();
    }

    public void baseLatencyMs(long ms) {
        this.baseLatencyMs = ms;
    }

    public long baseLatencyMs() {
        return baseLatencyMs;
    }

    /** How many requests each fault kind hit, keyed {@code operation:KIND}. */
    public Map<String, Long> hits() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        hits.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    public FaultDecision decide(String operation) {
        List<ActiveFault> current = faults;
        long latency = baseLatencyMs;
        if (current.isEmpty()) {
            return latency == 0 ? FaultDecision.NONE : new FaultDecision(latency, null, 0, false);
        }
        FaultDecision outcome = null;
        for (ActiveFault fault : current) {
            FaultRule rule = fault.rule();
            if (!rule.operation().equals(operation) && !rule.operation().equals("*")) {
                continue;
            }
            if (rule.kind() == FaultKind.LATENCY) {
                if (fault.take()) {
                    latency += rule.latencyOrDefault();
                    count(operation, rule.kind());
                }
                continue;
            }
            if (outcome != null || !fault.take()) {
                continue;
            }
            count(operation, rule.kind());
            outcome = switch (rule.kind()) {
                case ERROR -> new FaultDecision(0, error(rule), 0, false);
                case TIMEOUT -> new FaultDecision(0, null, rule.hangOrDefault(), false);
                case LOST_RESPONSE -> new FaultDecision(0, null, 0, true);
                case LATENCY -> throw new IllegalStateException();
            };
        }
        if (outcome == null) {
            return latency == 0 ? FaultDecision.NONE : new FaultDecision(latency, null, 0, false);
        }
        return new FaultDecision(latency, outcome.error(), outcome.hangMs(), outcome.lost());
    }

    private void count(String operation, FaultKind kind) {
        hits.computeIfAbsent(operation + ":" + kind, k -> new AtomicLong()).incrementAndGet();
    }

    private static io.ringbridge.simulator.http.ApiException error(FaultRule rule) {
        int status = rule.statusOrDefault();
        var error = status == 503
                ? RcErrors.api(503, "CMN-201", "Service Temporary Unavailable")
                : status == 429 ? RcErrors.api(429, "CMN-301", "Request rate exceeded")
                : RcErrors.api(status, "CMN-203", "Internal Server Error");
        if (status == 503 || status == 429) {
            error.header("Retry-After", Long.toString(rule.retryAfterOrDefault()));
        }
        return error;
    }

    /** A rule plus its remaining budget. */
    private static final class ActiveFault {
        private final FaultRule rule;
        private final AtomicInteger remaining;

        ActiveFault(FaultRule rule) {
            this.rule = rule;
            this.remaining = rule.count() == null ? null : new AtomicInteger(rule.count());
        }

        FaultRule rule() {
            return rule;
        }

        boolean take() {
            if (rule.fraction() < 1.0 && ThreadLocalRandom.current().nextDouble() >= rule.fraction()) {
                return false;
            }
            if (remaining == null) {
                return true;
            }
            while (true) {
                int left = remaining.get();
                if (left <= 0) {
                    return false;
                }
                if (remaining.compareAndSet(left, left - 1)) {
                    return true;
                }
            }
        }
    }
}
