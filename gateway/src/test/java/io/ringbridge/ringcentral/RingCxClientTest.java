package io.ringbridge.ringcentral;

import static io.ringbridge.ringcentral.Failures.refused;
import static io.ringbridge.ringcentral.Sandbox.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.SimulatorConfig;
import io.ringbridge.simulator.directory.Account;
import io.ringbridge.simulator.directory.Extension;
import io.ringbridge.simulator.limits.RateGroup;
import io.ringbridge.simulator.ringcx.RingCxRules;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RingCxApi} against the simulator's RingCX endpoints over HTTP: the exchange of a RingCentral token,
 * the rotating refresh, and RingCX's own (Spring-style, not RingCentral-style) refusals.
 */
class RingCxClientTest {
    static Sandbox sandbox;
    static RingCxApi ringCx;
    /** RingCX lives on its own host in production; the simulator serves it beside RingCentral. */
    static URI ringCxServer;
    TokenSet alice;

    @BeforeAll
    static void start() {
        // RingCX's 5 exchanges per minute are real here; RingCentral's Auth group is widened so sign-ins never hit it.
        sandbox = Sandbox.start(SimulatorConfig.builder().rateLimitsEnabled(true)
                .rateLimit(RateGroup.AUTH, 1000, Duration.ofMinutes(1), Duration.ofSeconds(1)));
        ringCx = sandbox.client.ringCx();
        ringCxServer = sandbox.server;
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void signIn() {
        sandbox.admin().reset();
        sandbox.admin().ringCx(RingCxRules.standard());
        alice = sandbox.signIn(ALICE);
    }

    @Test
    void loginTradesTheRingCentralTokenForRingCxTokens() {
        RingCxTokens tokens = ringCx.login(ringCxServer, alice.accessToken());

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).as("includeRefresh=true").isNotBlank();
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.mainAccountId()).isEqualTo("15300001");
        assertThat(tokens.agentDetails()).singleElement().satisfies(agent -> {
            assertThat(agent).containsEntry("accountId", "15300002").containsEntry("agentType", "AGENT");
            assertThat(agent.get("rcUserId")).hasToString(Long.toString(ALICE));
        });
        assertThat(tokens.adminId()).matches("\\d+");
        assertThat(tokens.adminUrl()).isEqualTo("/voice/admin/");
        assertThat(tokens.agentUrl()).isEqualTo("/voice/agent/");
        assertThat(tokens.ssoLogin()).isTrue();
        Secrets.notIn(tokens, tokens.accessToken(), tokens.refreshToken(), alice.accessToken());
    }

    @Test
    void refreshRotatesAndTheSpentRefreshTokenIsRefused() {
        RingCxTokens first = ringCx.login(ringCxServer, alice.accessToken());

        RingCxTokens second = ringCx.refresh(ringCxServer, first.refreshToken());

        assertThat(second.accessToken()).isNotBlank().isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
        RingCentralException spent = refused(() -> ringCx.refresh(ringCxServer, first.refreshToken()));
        assertRingCxRefusal(spent, 401, "Invalid refresh token");
        assertThat(spent.operation()).isEqualTo("RingCX refresh");
        Secrets.notIn(spent, first.refreshToken());
        assertThat(ringCx.refresh(ringCxServer, second.refreshToken()).accessToken()).isNotBlank();
    }

    @Test
    void accountWithoutRingCxIsRefused() {
        Account plain = sandbox.admin().addAccount(new Account(0, "No Contact Center", null,
                List.of(new Extension(0, "201", "Dora Plain", null, null, null, List.of()))));
        TokenSet dora = sandbox.signIn(plain.extensions().getFirst().id());

        RingCentralException e = refused(() -> ringCx.login(ringCxServer, dora.accessToken()));

        assertRingCxRefusal(e, 403, "No RingCX account is linked to RingCentral account " + plain.id());
        assertThat(e.operation()).isEqualTo("RingCX login");
        Secrets.notIn(e, dora.accessToken());
    }

    @Test
    void expiredRingCentralTokenIsRefused() throws InterruptedException {
        sandbox.admin().tokenLifetimes(Duration.ofMillis(1), Duration.ofDays(7));
        try {
            TokenSet expiring = sandbox.signIn(ALICE);
            Thread.sleep(20);

            RingCentralException e = refused(() -> ringCx.login(ringCxServer, expiring.accessToken()));

            assertRingCxRefusal(e, 401, "Invalid RingCentral access token");
            Secrets.notIn(e, expiring.accessToken());
        } finally {
            sandbox.admin().tokenLifetimes(Duration.ofHours(1), Duration.ofDays(7));
        }
    }

    @Test
    void expiredRingCxRefreshTokenIsRefused() throws InterruptedException {
        RingCxRules standard = RingCxRules.standard();
        sandbox.admin().ringCx(new RingCxRules(standard.accessTokenTtl(), Duration.ofMillis(1),
                standard.exchangesPerMinute()));
        RingCxTokens tokens = ringCx.login(ringCxServer, alice.accessToken());
        Thread.sleep(20);

        assertRingCxRefusal(refused(() -> ringCx.refresh(ringCxServer, tokens.refreshToken())), 401,
                "Invalid refresh token");
    }

    @Test
    void moreThanFiveLoginsAMinuteAreRateLimited() {
        for (int i = 0; i < 5; i++) {
            ringCx.login(ringCxServer, alice.accessToken());
        }

        RingCentralException e = refused(() -> ringCx.login(ringCxServer, alice.accessToken()));

        assertRingCxRefusal(e, 429, "Too many login requests");
        assertThat(e.rateLimited()).isTrue();
        assertThat(e.transientFailure()).isTrue();
        assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive());
    }

    /** RingCX answers Spring's error JSON: its {@code error} is the HTTP reason phrase, not an OAuth error code. */
    private static void assertRingCxRefusal(RingCentralException e, int status, String message) {
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.description()).contains(message);
        assertThat(e.oauthError()).isEmpty();
        assertThat(e.errorCodes()).isEmpty();
    }
}
