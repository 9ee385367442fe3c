package io.ringbridge.simulator.faults;

import io.ringbridge.simulator.http.ApiException;

/**
 * What the faults decided for one request.
 *
 * @param latencyMs delay before processing
 * @param error     answer instead of processing ({@code null} = process)
 * @param hangMs    &gt; 0: hold the connection that long, then drop it, without processing
 * @param lost      process, then break the response
 */
public record FaultDecision(long latencyMs, ApiException error, long hangMs, boolean lost) {
    public static final FaultDecision NONE = new FaultDecision(0, null, 0, false);

    public boolean isNone() {
        return this == NONE;
    }
}
