package io.ringbridge.ringcentral;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One of RingCentral's {@code UserPhoneNumberInfo} records. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhoneNumber(long id, String phoneNumber, List<String> features, String status, String usageType,
                          String type, String paymentType, Boolean primary) {

    /** Usable as {@code from} for the SMS API: in service and carrying the {@code SmsSender} feature. */
    public boolean smsSender() {
        return "Normal".equals(status) && features != null && features.contains("SmsSender");
    }

    /** Usable only through the High-Volume (A2P) API. */
    public boolean a2pOnly() {
        return "Normal".equals(status) && features != null && features.contains("A2PSmsSender")
                && !features.contains("SmsSender");
    }
}
