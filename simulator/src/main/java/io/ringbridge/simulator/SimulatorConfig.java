package io.ringbridge.simulator;

import io.ringbridge.simulator.directory.Directory;
import io.ringbridge.simulator.limits.GroupLimit;
import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.simulator.limits.RateLimitSettings;
import io.ringbridge.simulator.oauth.OAuthSettings;
import io.ringbridge.simulator.ringcx.RingCxRules;
import io.ringbridge.simulator.sms.DeliveryRule;
import io.ringbridge.simulator.sms.DeliverySettings;
import io.ringbridge.simulator.subscription.SubscriptionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the simulator starts with. All durations are configurable so tests can shrink them; most of it
 * can also be changed at run time through {@link SimulatorAdmin}.
 *
 * @param directory     accounts, users, numbers and apps
 * @param oauth         token lifetimes, refresh grace windows, code lifetime, session cap
 * @param rateLimits    per-group limits, window and penalty; {@code enabled=false} switches limits off
 * @param subscriptions subscription limits, handshake rules, blacklist period
 * @param delivery      outbound status timing and outcome rules
 * @param ringCx        RingCX token rules
 * @param label         shown on every page when set (e.g. {@code SANDBOX})
 * @param latencyMs     added to every request (benchmarks of slow upstreams)
 * @param host          standalone bind address
 * @param port          standalone port, 0 = random
 * @param adminKey      when set, {@code /admin/*} requires header {@code X-Admin-Key} with this value
 * @param maxMessages   messages kept in the message stores (oldest dropped beyond it; 0 = 200,000)
 * @param stateFile     when set, the state (directory, sessions, messages, subscriptions, RingCX tokens, id
 *                      sequences) is loaded from this file at start and saved to it shortly after changes and
 *                      on close; {@code null} keeps everything in memory only
 */
public record SimulatorConfig(Directory directory, OAuthSettings oauth, RateLimitSettings rateLimits,
                              SubscriptionSettings subscriptions, DeliverySettings delivery, RingCxRules ringCx,
                              String label, long latencyMs, String host, int port, String adminKey,
                              int maxMessages, Path stateFile) {

    public SimulatorConfig {
        directory = directory == null ? Directory.demo() : directory;
        oauth = oauth == null ? OAuthSettings.standard() : oauth;
        rateLimits = rateLimits == null ? RateLimitSettings.standard() : rateLimits;
        subscriptions = subscriptions == null ? SubscriptionSettings.standard() : subscriptions;
        delivery = delivery == null ? DeliverySettings.standard() : delivery;
        ringCx = ringCx == null ? RingCxRules.standard() : ringCx;
        host = host == null ? "127.0.0.1" : host;
        maxMessages = maxMessages <= 0 ? 200_000 : maxMessages;
    }

    /** RingCentral's defaults with the demo directory, on a random loopback port. */
    public static SimulatorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction; every setter is optional. */
    public static final class Builder {
        private Directory directory;
        private OAuthSettings oauth = OAuthSettings.standard();
        private RateLimitSettings rateLimits = RateLimitSettings.standard();
        private SubscriptionSettings subscriptions = SubscriptionSettings.standard();
        private Duration sentAfter = Duration.ofMillis(500);
        private Duration finalAfter = Duration.ofSeconds(2);
        private final List<DeliveryRule> rules = new ArrayList<>();
        private RingCxRules ringCx = RingCxRules.standard();
        private String label;
        private long latencyMs;
        private String host = "127.0.0.1";
        private int port;
        private String adminKey;
        private int maxMessages;
        private Path stateFile;
        private final List<io.ringbridge.simulator.directory.App> extraApps = new ArrayList<>();

        public Builder directory(Directory value) {
            directory = value;
            return this;
        }

        /** Registers one more app on top of the directory (e.g. the gateway's own client id and redirect URI). */
        public Builder app(io.ringbridge.simulator.directory.App value) {
            extraApps.add(value);
            return this;
        }

        public Builder tokenLifetimes(Duration access, Duration refresh) {
            oauth = oauth.withTokenLifetimes(access, refresh);
            return this;
        }

        /** Grace of a rotated-out refresh token: after the new access token's first use / while it is unused. */
        public Builder refreshGrace(Duration afterUse, Duration unused) {
            oauth = new OAuthSettings(oauth.accessTokenTtl(), oauth.refreshTokenTtl(), afterUse, unused,
                    oauth.authCodeTtl(), oauth.sessionCap());
            return this;
        }

        public Builder authCodeTtl(Duration value) {
            oauth = new OAuthSettings(oauth.accessTokenTtl(), oauth.refreshTokenTtl(), oauth.graceAfterUse(),
                    oauth.graceUnused(), value, oauth.sessionCap());
            return this;
        }

        public Builder sessionCap(int value) {
            oauth = new OAuthSettings(oauth.accessTokenTtl(), oauth.refreshTokenTtl(), oauth.graceAfterUse(),
                    oauth.graceUnused(), oauth.authCodeTtl(), value);
            return this;
        }

        public Builder oauth(OAuthSettings value) {
            oauth = value;
            return this;
        }

        public Builder rateLimit(RateGroup group, int limit, Duration window, Duration penalty) {
            rateLimits = rateLimits.with(group, new GroupLimit(limit, window, penalty));
            return this;
        }

        public Builder rateLimitsEnabled(boolean enabled) {
            rateLimits = rateLimits.enabled(enabled);
            return this;
        }

        public Builder subscriptions(SubscriptionSettings value) {
            subscriptions = value;
            return this;
        }

        public Builder blacklistAfter(Duration value) {
            subscriptions = subscriptions.withBlacklistAfter(value);
            return this;
        }

        public Builder deliveryTiming(Duration sent, Duration done) {
            sentAfter = sent;
            finalAfter = done;
            return this;
        }

        public Builder deliveryRule(DeliveryRule rule) {
            rules.add(rule);
            return this;
        }

        public Builder ringCx(RingCxRules value) {
            ringCx = value;
            return this;
        }

        public Builder label(String value) {
            label = value;
            return this;
        }

        public Builder latencyMs(long value) {
            latencyMs = value;
            return this;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder adminKey(String value) {
            adminKey = value;
            return this;
        }

        public Builder maxMessages(int value) {
            maxMessages = value;
            return this;
        }

        /** Keeps the state in this file across restarts (see {@link SimulatorConfig#stateFile()}). */
        public Builder stateFile(Path value) {
            stateFile = value;
            return this;
        }

        public SimulatorConfig build() {
            Directory base = directory == null ? Directory.demo() : directory;
            for (io.ringbridge.simulator.directory.App app : extraApps) {
                base = base.withApp(app);
            }
            return new SimulatorConfig(base, oauth, rateLimits, subscriptions,
                    new DeliverySettings(sentAfter, finalAfter, rules), ringCx, label, latencyMs, host, port,
                    adminKey, maxMessages, stateFile);
        }
    }
}
