package io.ringbridge.simulator.http;

/** Handles one matched request; writes its answer into the exchange or throws {@link ApiException}. */
@FunctionalInterface
public interface Handler {
    void handle(Exchange exchange) throws Exception;
}
