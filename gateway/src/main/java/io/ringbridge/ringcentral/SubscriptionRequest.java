package io.ringbridge.ringcentral;

import java.util.List;

/**
 * A webhook subscription to create or update: RingCentral first performs the {@code Validation-Token} handshake
 * against {@code address}, which must already answer. {@code expiresIn} is a top-level field (seconds).
 */
public record SubscriptionRequest(List<String> eventFilters, String address, String verificationToken,
                                  long expiresIn) {

    @Override
    public String toString() {
        return "SubscriptionRequest[filters=" + eventFilters + ", address=" + address + ", expiresIn=" + expiresIn + "]";
    }
}
