package io.ringbridge.simulator.sms;

import java.util.regex.Pattern;

/**
 * Decides the fate of messages whose recipient matches {@code toPattern} (a regex over the E.164 number,
 * whole-match). The first matching rule wins; no match means delivered.
 *
 * @param errorCode the {@code deliveryErrorCode} for failures, e.g. {@code SMS-CAR-411} (invalid destination)
 */
public record DeliveryRule(String toPattern, DeliveryOutcome outcome, String errorCode) {

    public DeliveryRule {
        if (toPattern == null || outcome == null) {
            throw new IllegalArgumentException("delivery rule needs toPattern and outcome");
        }
        Pattern.compile(toPattern);
        if (errorCode == null && outcome != DeliveryOutcome.DELIVERED) {
            errorCode = outcome == DeliveryOutcome.SENDING_FAILED ? "SMS-RC-500" : "SMS-CAR-411";
        }
    }

    boolean matches(String to) {
        return Pattern.matches(toPattern, to);
    }
}
