package io.ringbridge.ringcentral;

import static io.ringbridge.ringcentral.Failures.refused;
import static io.ringbridge.ringcentral.Sandbox.ACCOUNT;
import static io.ringbridge.ringcentral.Sandbox.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.SimulatorConfig;
import io.ringbridge.simulator.subscription.SubscriptionSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RingCentralApi}'s webhook subscription calls against the simulator over HTTP, with a real webhook
 * endpoint answering RingCentral's validation handshake: create, get, list, renew, update, delete, and the
 * refusals (SUB-525, unreachable address, SUB-505, CMN-102).
 */
class SubscriptionClientTest {
    static final String INSTANT = "/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS";
    static final String STORE = "/restapi/v1.0/account/~/extension/~/message-store";
    static final long TEN_YEARS = 315_360_000L;
    static final long WEEK = 604_800L;

    static Sandbox sandbox;
    static RingCentralApi api;
    Hook hook;
    RingCentralAccess alice;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SimulatorConfig.builder().rateLimitsEnabled(false));
        api = sandbox.client.api();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void signIn() throws IOException {
        hook = new Hook();
        // a fresh sign-in per test, and no subscriptions left from another test (the limit test counts them)
        sandbox.admin().reset();
        alice = sandbox.signedIn(ALICE);
    }

    @AfterEach
    void closeHook() {
        hook.close();
        sandbox.admin().subscriptionSettings(SubscriptionSettings.standard());
    }

    private SubscriptionRequest request(String verificationToken) {
        return new SubscriptionRequest(List.of(INSTANT), hook.address(), verificationToken, TEN_YEARS);
    }

    @Test
    void createPassesTheHandshakeAndAnswersTheSubscription() {
        Subscription s = api.createSubscription(alice, request("verify-me-42"));

        assertThat(s.id()).matches("[0-9a-f-]{36}");
        assertThat(s.uri()).isEqualTo(sandbox.server + "/restapi/v1.0/subscription/" + s.id());
        assertThat(s.status()).isEqualTo("Active");
        assertThat(s.blacklisted()).isFalse();
        // RingCentral expands "~" to the caller's ids.
        assertThat(s.eventFilters()).containsExactly(
                "/restapi/v1.0/account/" + ACCOUNT + "/extension/" + ALICE + "/message-store/instant?type=SMS");
        assertThat(s.expiresIn()).isBetween(TEN_YEARS - 5, TEN_YEARS);
        assertThat(s.expirationTime()).isNotBlank();
        assertThat(s.creationTime()).isNotBlank();
        assertThat(s.deliveryMode().transportType()).isEqualTo("WebHook");
        assertThat(s.deliveryMode().address()).isEqualTo(hook.address());
        assertThat(hook.lastVerificationToken).isEqualTo("verify-me-42");
        Secrets.notIn(s, "verify-me-42");
    }

    @Test
    void createWithoutVerificationTokenIsAllowed() {
        // The spec makes deliveryMode.verificationToken optional.
        Subscription s = api.createSubscription(alice, request(null));

        assertThat(s.status()).isEqualTo("Active");
        assertThat(hook.lastVerificationToken).isNull();
    }

    @Test
    void endpointNotEchoingTheValidationTokenIsRefusedWithSub525() {
        hook.echo = false;

        RingCentralException e = refused(() -> api.createSubscription(alice, request("vt")));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorCodes()).containsExactly("SUB-525");
        assertThat(e.description()).contains("WebHook server response is invalid");
        assertThat(e.transientFailure()).isFalse();
        assertThat(e.operation()).isEqualTo("create subscription");
        assertThat(api.subscriptions(alice)).isEmpty();
    }

    @Test
    void unreachableAddressIsRefusedAsAnInvalidParameter() throws IOException {
        String nobody;
        try (ServerSocket free = new ServerSocket(0)) {
            nobody = "http://127.0.0.1:" + free.getLocalPort() + "/hook";
        }

        RingCentralException e = refused(() -> api.createSubscription(alice,
                new SubscriptionRequest(List.of(INSTANT), nobody, "vt", TEN_YEARS)));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorCodes()).containsExactly("CMN-101");
        assertThat(e.description()).contains("Parameter [deliveryMode.address] value is invalid");
    }

    @Test
    void getListRenewUpdateAndDelete() {
        Subscription created = api.createSubscription(alice, request("vt"));

        assertThat(api.subscription(alice, created.id())).satisfies(s -> {
            assertThat(s.id()).isEqualTo(created.id());
            assertThat(s.eventFilters()).isEqualTo(created.eventFilters());
        });
        assertThat(api.subscriptions(alice)).extracting(Subscription::id).containsExactly(created.id());

        Subscription renewed = api.renewSubscription(alice, created.id());
        // A renew starts the default lifetime (7 days) again, whatever was asked at create.
        assertThat(renewed.expiresIn()).isBetween(WEEK - 5, WEEK);

        Subscription updated = api.updateSubscription(alice, created.id(), List.of(STORE, INSTANT), 600);
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.eventFilters()).containsExactly(
                "/restapi/v1.0/account/" + ACCOUNT + "/extension/" + ALICE + "/message-store",
                "/restapi/v1.0/account/" + ACCOUNT + "/extension/" + ALICE + "/message-store/instant?type=SMS");
        assertThat(updated.expiresIn()).isBetween(595L, 600L);

        api.deleteSubscription(alice, created.id());

        assertThat(api.subscriptions(alice)).isEmpty();
        for (RingCentralException e : List.of(refused(() -> api.subscription(alice, created.id())),
                refused(() -> api.deleteSubscription(alice, created.id())),
                refused(() -> api.renewSubscription(alice, created.id())))) {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.errorCodes()).containsExactly("CMN-102");
            assertThat(e.description()).contains("Resource for parameter [subscriptionId] is not found");
            assertThat(e.transientFailure()).isFalse();
        }
    }

    @Test
    void blacklistedSubscriptionShowsWhy() {
        Subscription created = api.createSubscription(alice, request("vt"));
        sandbox.admin().blacklistSubscription(created.id(), "Webhook responses with code: [404], reason: [Not Found]");

        Subscription s = api.subscription(alice, created.id());

        assertThat(s.blacklisted()).isTrue();
        assertThat(s.blacklistedData().reason()).isEqualTo("Webhook responses with code: [404], reason: [Not Found]");
        assertThat(s.blacklistedData().blacklistedAt()).isNotBlank();
    }

    @Test
    void subscriptionsBeyondTheLimitAreRefusedWithSub505() {
        SubscriptionSettings s = SubscriptionSettings.standard();
        sandbox.admin().subscriptionSettings(new SubscriptionSettings(s.defaultExpiresIn(), s.maxExpiresIn(), 2,
                s.handshakeTimeout(), s.handshakeMaxBytes(), s.deliveryTimeout(), s.blacklistAfter()));
        api.createSubscription(alice, request("vt"));
        api.createSubscription(alice, request("vt"));

        RingCentralException e = refused(() -> api.createSubscription(alice, request("vt")));

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.errorCodes()).containsExactly("SUB-505");
        assertThat(api.subscriptions(alice)).hasSize(2);
    }
}
