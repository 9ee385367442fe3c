package io.ringbridge.simulator.sms;

import java.time.Duration;
import java.util.List;

/**
 * Timing and outcome of outbound messages.
 *
 * @param sentAfter  Queued → Sent after this delay
 * @param finalAfter Sent → Delivered / DeliveryFailed after this further delay
 * @param rules      outcome rules by destination pattern, first match wins
 */
public record DeliverySettings(Duration sentAfter, Duration finalAfter, List<DeliveryRule> rules) {

    public DeliverySettings {
        sentAfter = sentAfter == null ? Duration.ofMillis(500) : sentAfter;
        finalAfter = finalAfter == null ? Duration.ofSeconds(2) : finalAfter;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static DeliverySettings standard() {
        return new DeliverySettings(null, null, List.of());
    }

    public DeliveryRule ruleFor(String to) {
        for (DeliveryRule rule : rules) {
            if (rule.matches(to)) {
                return rule;
            }
        }
        return null;
    }
}
