package io.ringbridge.simulator.directory;

/**
 * RingCX (Engage Voice) linkage of an account; absent or {@code enabled=false} means the account has no
 * RingCX and the token exchange is refused.
 */
public record RingCxSettings(boolean enabled, String mainAccountId, String accountId, String accountName) {
}
