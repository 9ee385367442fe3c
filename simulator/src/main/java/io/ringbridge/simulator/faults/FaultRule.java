package io.ringbridge.simulator.faults;

/**
 * One fault for one operation.
 *
 * @param operation         stable operation name, e.g. {@code sendSms} (see {@link Operations}), or {@code *}
 * @param kind              what happens
 * @param fraction          share of the operation's requests hit, 0..1
 * @param count             how many requests at most are hit ({@code null} = no limit)
 * @param latencyMs         for {@link FaultKind#LATENCY}
 * @param status            for {@link FaultKind#ERROR} (default 503)
 * @param retryAfterSeconds for {@link FaultKind#ERROR} with 503/429 (default 1)
 * @param hangMs            for {@link FaultKind#TIMEOUT} (default 30000)
 */
public record FaultRule(String operation, FaultKind kind, double fraction, Integer count, Long latencyMs,
                        Integer status, Long retryAfterSeconds, Long hangMs) {

    public FaultRule {
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("fault operation is required");
        }
        if (kind == null) {
            throw new IllegalArgumentException("fault kind is required");
        }
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fault fraction must be within 0..1");
        }
    }

    public static FaultRule latency(String operation, long latencyMs) {
        return new FaultRule(operation, FaultKind.LATENCY, 1.0, null, latencyMs, null, null, null);
    }

    public static FaultRule error(String operation, int status, double fraction, Integer count) {
        return new FaultRule(operation, FaultKind.ERROR, fraction, count, null, status, 1L, null);
    }

    public static FaultRule timeout(String operation, long hangMs, double fraction, Integer count) {
        return new FaultRule(operation, FaultKind.TIMEOUT, fraction, count, null, null, null, hangMs);
    }

    public static FaultRule lostResponse(String operation, double fraction, Integer count) {
        return new FaultRule(operation, FaultKind.LOST_RESPONSE, fraction, count, null, null, null, null);
    }

    public FaultRule withRetryAfter(long seconds) {
        return new FaultRule(operation, kind, fraction, count, latencyMs, status, seconds, hangMs);
    }

    int statusOrDefault() {
        return status == null ? 503 : status;
    }

    long retryAfterOrDefault() {
        return retryAfterSeconds == null ? 1 : retryAfterSeconds;
    }

    long hangOrDefault() {
        return hangMs == null ? 30_000 : hangMs;
    }

    long latencyOrDefault() {
        return latencyMs == null ? 0 : latencyMs;
    }
}
