package io.ringbridge.simulator.limits;

/** RingCentral's usage-plan groups ({@code x-throttling-group} in the spec). */
public enum RateGroup {
    LIGHT("Light"), MEDIUM("Medium"), HEAVY("Heavy"), AUTH("Auth");

    private final String label;

    RateGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static RateGroup parse(String text) {
        for (RateGroup group : values()) {
            if (group.label.equalsIgnoreCase(text) || group.name().equalsIgnoreCase(text)) {
                return group;
            }
        }
        throw new IllegalArgumentException("unknown rate-limit group " + text);
    }
}
