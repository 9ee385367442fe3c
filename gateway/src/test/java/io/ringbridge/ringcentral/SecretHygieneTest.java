package io.ringbridge.ringcentral;

import static io.ringbridge.ringcentral.Failures.refused;
import static io.ringbridge.ringcentral.Sandbox.ALICE;
import static io.ringbridge.ringcentral.Sandbox.ALICE_SMS;
import static io.ringbridge.ringcentral.Sandbox.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringbridge.simulator.SimulatorConfig;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing the client hands out shows a token or secret when printed or logged: the records' {@code toString()},
 * and the failures of calls that carried secrets (each contract test checks its own failures too).
 */
class SecretHygieneTest {
    static Sandbox sandbox;
    static TokenSet tokens;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SimulatorConfig.builder().rateLimitsEnabled(false));
        tokens = sandbox.signIn(ALICE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void recordsHoldingSecretsDoNotPrintThem() {
        RingCxTokens ringCx = sandbox.client.ringCx().login(sandbox.server, tokens.accessToken());
        Pkce pkce = Pkce.generate();

        Secrets.notIn(tokens, tokens.accessToken(), tokens.refreshToken());
        assertThat(tokens.toString()).contains(tokens.ownerId());
        Secrets.notIn(ringCx, ringCx.accessToken(), ringCx.refreshToken());
        Secrets.notIn(sandbox.app, Sandbox.CLIENT_SECRET);
        assertThat(sandbox.app.toString()).contains(Sandbox.CLIENT_ID);
        Secrets.notIn(sandbox.access(tokens), tokens.accessToken());
        Secrets.notIn(pkce, pkce.verifier());
        Secrets.notIn(new SubscriptionRequest(List.of("/restapi/v1.0/subscription/~"), "https://gw.example.com/hook",
                "verification-secret", 600), "verification-secret");
        Secrets.notIn(new AuthorizeRequest(URI.create("https://gw.example.com/cb"), "state-secret-123",
                pkce.challenge(), null, null, null), "state-secret-123");
        Secrets.notIn(new SmsRequest(ALICE_SMS, CUSTOMER, "the text is the customer's business"),
                "the text is the customer's business");
    }

    @Test
    void answersAreSafeToPrint() {
        SmsAccepted accepted = sandbox.client.api().sendSms(sandbox.access(tokens),
                new SmsRequest(ALICE_SMS, CUSTOMER, "printable"));

        Secrets.notIn(accepted, tokens.accessToken(), tokens.refreshToken(), Sandbox.CLIENT_SECRET);
        Secrets.notIn(sandbox.client.api().currentExtension(sandbox.access(tokens)), tokens.accessToken());
    }

    @Test
    void failuresOfCallsCarryingSecretsDoNotRepeatThem() {
        String bogusRefresh = "bogus-refresh-token-value";
        String bogusAccess = "bogus-access-token-value";
        RingCentralApp wrongSecret = sandbox.app(Sandbox.CLIENT_ID, "wrong-secret-value");

        for (RingCentralException e : List.of(
                refused(() -> sandbox.client.oauth().refresh(sandbox.app, bogusRefresh)),
                refused(() -> sandbox.client.oauth().refresh(wrongSecret, tokens.refreshToken())),
                refused(() -> sandbox.client.oauth().exchangeCode(sandbox.app, "bogus-code-value",
                        Sandbox.REDIRECT_URI, "bogus-verifier-value")),
                refused(() -> sandbox.client.api().currentExtension(new RingCentralAccess(sandbox.server, bogusAccess))),
                refused(() -> sandbox.client.ringCx().login(sandbox.server, bogusAccess)),
                refused(() -> sandbox.client.ringCx().refresh(sandbox.server, bogusRefresh)))) {
            Secrets.notIn(e, bogusRefresh, bogusAccess, "wrong-secret-value", "bogus-code-value",
                    "bogus-verifier-value", tokens.refreshToken(), tokens.accessToken(), Sandbox.CLIENT_SECRET);
        }
    }
}
