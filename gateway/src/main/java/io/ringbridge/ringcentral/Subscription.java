package io.ringbridge.ringcentral;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** RingCentral's {@code SubscriptionInfo}. {@code status} is {@code Active} or {@code Blacklisted}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Subscription(String id, String uri, List<String> eventFilters, String expirationTime, Long expiresIn,
                           String status, String creationTime, DeliveryMode deliveryMode,
                           BlacklistedData blacklistedData) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeliveryMode(String transportType, String address) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BlacklistedData(String blacklistedAt, String reason) {
    }

    public boolean blacklisted() {
        return "Blacklisted".equalsIgnoreCase(status);
    }
}
