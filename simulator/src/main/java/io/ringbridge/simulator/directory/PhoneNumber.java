package io.ringbridge.simulator.directory;

import java.util.List;

/**
 * A phone number of an extension, as {@code UserPhoneNumberInfo} describes it.
 *
 * @param features e.g. {@code SmsSender}, {@code A2PSmsSender}, {@code CallerId}, {@code MmsSender}
 * @param status   {@code Normal} is the only usable status
 */
public record PhoneNumber(long id, String phoneNumber, List<String> features, String status, String usageType,
                          String paymentType, String type, boolean primary, String label, String location) {

    public PhoneNumber {
        features = features == null ? List.of() : List.copyOf(features);
        status = status == null ? "Normal" : status;
        usageType = usageType == null ? "DirectNumber" : usageType;
        paymentType = paymentType == null ? "Local" : paymentType;
        type = type == null ? "VoiceFax" : type;
    }

    public boolean has(String feature) {
        return features.contains(feature);
    }

    PhoneNumber withId(long newId) {
        return new PhoneNumber(newId, phoneNumber, features, status, usageType, paymentType, type, primary, label,
                location);
    }
}
