package io.ringbridge.simulator.faults;

/** What a fault does to a request. */
public enum FaultKind {
    /** Adds {@code latencyMs} before the request is processed. */
    LATENCY,
    /** Answers with {@code status} (5xx; 503 carries {@code Retry-After}) without processing the request. */
    ERROR,
    /** Does not process the request; holds the connection {@code hangMs}, then drops it. */
    TIMEOUT,
    /** Processes the request (side effects happen) but the client receives a broken response. */
    LOST_RESPONSE
}
