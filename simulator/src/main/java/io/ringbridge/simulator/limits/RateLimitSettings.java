package io.ringbridge.simulator.limits;

import java.util.EnumMap;
import java.util.Map;

/** Whether limits apply, and each group's limit. Defaults: Light 50, Medium 40, Heavy 10, Auth 5 per 60 s. */
public record RateLimitSettings(boolean enabled, Map<RateGroup, GroupLimit> groups) {

    public RateLimitSettings {
        Map<RateGroup, GroupLimit> all = new EnumMap<>(RateGroup.class);
        all.putAll(defaults());
        if (groups != null) {
            all.putAll(groups);
        }
        groups = Map.copyOf(all);
    }

    public static RateLimitSettings standard() {
        return new RateLimitSettings(true, Map.of());
    }

    public static RateLimitSettings off() {
        return new RateLimitSettings(false, Map.of());
    }

    public GroupLimit limit(RateGroup group) {
        return groups.get(group);
    }

    public RateLimitSettings with(RateGroup group, GroupLimit limit) {
        Map<RateGroup, GroupLimit> copy = new EnumMap<>(groups);
        copy.put(group, limit);
        return new RateLimitSettings(enabled, copy);
    }

    public RateLimitSettings enabled(boolean on) {
        return new RateLimitSettings(on, groups);
    }

    private static Map<RateGroup, GroupLimit> defaults() {
        return Map.of(RateGroup.LIGHT, GroupLimit.perMinute(50), RateGroup.MEDIUM, GroupLimit.perMinute(40),
                RateGroup.HEAVY, GroupLimit.perMinute(10), RateGroup.AUTH, GroupLimit.perMinute(5));
    }
}
