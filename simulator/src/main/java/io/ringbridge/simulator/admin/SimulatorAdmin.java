package io.ringbridge.simulator.admin;

import io.ringbridge.simulator.directory.Account;
import io.ringbridge.simulator.directory.App;
import io.ringbridge.simulator.directory.Directory;
import io.ringbridge.simulator.directory.DirectoryStore;
import io.ringbridge.simulator.directory.Extension;
import io.ringbridge.simulator.directory.PhoneNumber;
import io.ringbridge.simulator.faults.FaultInjector;
import io.ringbridge.simulator.faults.FaultRule;
import io.ringbridge.simulator.limits.RateLimitSettings;
import io.ringbridge.simulator.limits.RateLimiter;
import io.ringbridge.simulator.oauth.AuthCodes;
import io.ringbridge.simulator.oauth.OAuthSettings;
import io.ringbridge.simulator.oauth.SessionStore;
import io.ringbridge.simulator.oauth.TokenEndpoint;
import io.ringbridge.simulator.ringcx.RingCxEndpoint;
import io.ringbridge.simulator.ringcx.RingCxRules;
import io.ringbridge.simulator.sms.DeliverySettings;
import io.ringbridge.simulator.sms.DeliverySimulator;
import io.ringbridge.simulator.sms.InboundEndpoint;
import io.ringbridge.simulator.sms.MessageStore;
import io.ringbridge.simulator.sms.SendCount;
import io.ringbridge.simulator.sms.StoredMessage;
import io.ringbridge.simulator.subscription.SubscriptionEndpoint;
import io.ringbridge.simulator.subscription.SubscriptionSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulator's control panel for Java callers (tests); the HTTP admin API ({@code /admin/*}) offers the same.
 * Changes apply to the running simulator at once.
 */
public final class SimulatorAdmin {
    private final DirectoryStore directory;
    private final SessionStore sessions;
    private final AuthCodes codes;
    private final TokenEndpoint tokens;
    private final RateLimiter limiter;
    private final FaultInjector faults;
    private final MessageStore messages;
    private final DeliverySimulator delivery;
    private final InboundEndpoint inbound;
    private final SubscriptionEndpoint subscriptions;
    private final RingCxEndpoint ringCx;
    private final Supplier<String> baseUrl;

    public SimulatorAdmin(DirectoryStore directory, SessionStore sessions, AuthCodes codes, TokenEndpoint tokens,
                   RateLimiter limiter, FaultInjector faults, MessageStore messages, DeliverySimulator delivery,
                   InboundEndpoint inbound, SubscriptionEndpoint subscriptions, RingCxEndpoint ringCx,
                   Supplier<String> baseUrl) {
        this.directory = directory;
        this.sessions = sessions;
        this.codes = codes;
        this.tokens = tokens;
        this.limiter = limiter;
        this.faults = faults;
        this.messages = messages;
        this.delivery = delivery;
        this.inbound = inbound;
        this.subscriptions = subscriptions;
        this.ringCx = ringCx;
        this.baseUrl = baseUrl;
    }

    // --- directory

    public Directory directory() {
        return directory.directory();
    }

    public void replaceDirectory(Directory next) {
        directory.replace(next);
    }

    public Account addAccount(Account account) {
        return directory.addAccount(account);
    }

    public Extension addExtension(long accountId, Extension extension) {
        return directory.addExtension(accountId, extension);
    }

    public PhoneNumber addPhoneNumber(long extensionId, PhoneNumber number) {
        return directory.addPhoneNumber(extensionId, number);
    }

    public App addApp(App app) {
        return directory.addApp(app);
    }

    // --- settings

    public RateLimitSettings rateLimits() {
        return limiter.settings();
    }

    public void rateLimits(RateLimitSettings settings) {
        limiter.settings(settings);
        ringCx.limitsEnabled(settings.enabled());
    }

    public void rateLimitsEnabled(boolean enabled) {
        rateLimits(limiter.settings().enabled(enabled));
    }

    public OAuthSettings oauth() {
        return sessions.settings();
    }

    public void oauth(OAuthSettings settings) {
        sessions.settings(settings);
    }

    /** Applies to tokens issued from now on. */
    public void tokenLifetimes(Duration access, Duration refresh) {
        sessions.settings(sessions.settings().withTokenLifetimes(access, refresh));
    }

    public DeliverySettings delivery() {
        return delivery.settings();
    }

    public void delivery(DeliverySettings settings) {
        delivery.settings(settings);
    }

    public SubscriptionSettings subscriptionSettings() {
        return subscriptions.settings();
    }

    public void subscriptionSettings(SubscriptionSettings settings) {
        subscriptions.settings(settings);
    }

    public RingCxRules ringCx() {
        return ringCx.rules();
    }

    public void ringCx(RingCxRules rules) {
        ringCx.rules(rules, limiter.settings().enabled());
    }

    // --- faults

    public void addFault(FaultRule rule) {
        faults.add(rule);
    }

    public void faults(List<FaultRule> rules) {
        faults.replace(rules);
    }

    public List<FaultRule> faults() {
        return faults.rules();
    }

    public void clearFaults() {
        faults.clear();
    }

    // --- subscriptions and sessions

    public List<Map<String, Object>> subscriptions() {
        return subscriptions.describe();
    }

    public boolean blacklistSubscription(String id, String reason) {
        return subscriptions.blacklist(id, reason);
    }

    public boolean deleteSubscription(String id) {
        return subscriptions.remove(id);
    }

    public List<Map<String, Object>> sessions() {
        return sessions.describe();
    }

    public boolean revokeSession(String sessionId) {
        return sessions.revokeSession(sessionId);
    }

    public int activeSessions(long extensionId, String clientId) {
        return sessions.activeSessions(extensionId, clientId);
    }

    // --- messages

    public List<MessageView> messages() {
        return messages.all().stream().map(SimulatorAdmin::view).toList();
    }

    public MessageView message(long id) {
        StoredMessage m = messages.find(id);
        return m == null ? null : view(m);
    }

    public long sendCount(String from, String to, String text) {
        return messages.sendCount(from, to, text);
    }

    public List<SendCount> sendCounts() {
        return messages.sendCounts();
    }

    /** An inbound text to {@code to} (must be a number in the directory); returns the message id. */
    public String injectInbound(String from, String to, String text) {
        DirectoryStore.Owned owner = directory.owner(to)
                .orElseThrow(() -> new IllegalArgumentException("no extension owns " + to));
        return Long.toString(inbound.receive(owner, from, to, text, baseUrl.get()).id());
    }

    // --- counters

    public Counters counters() {
        return new Counters(tokens.requestsByGrant(), limiter.totalThrottled(), limiter.totalPenaltyRestarts(),
                limiter.stats(), subscriptions.dispatcher().delivered(), subscriptions.dispatcher().failed(),
                messages.size(), faults.hits());
    }

    public long tokenRequests(String grantType) {
        return tokens.requestsByGrant().getOrDefault(grantType, 0L);
    }

    /** Clears all run-time state (sessions, codes, messages, subscriptions, counters, faults); keeps directory and settings. */
    public void reset() {
        sessions.reset();
        codes.reset();
        tokens.resetCounters();
        limiter.reset();
        faults.clear();
        messages.reset();
        subscriptions.reset();
        ringCx.reset();
    }

    private static MessageView view(StoredMessage m) {
        return new MessageView(Long.toString(m.id()), Long.toString(m.extensionId()), m.direction(), m.from(), m.to(),
                m.text(), m.status(), m.deliveryErrorCode());
    }
}
