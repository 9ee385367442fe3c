package io.ringbridge.messaging;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.simulator.faults.FaultRule;
import io.ringbridge.testsupport.Api;
import io.ringbridge.testsupport.Bulk;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.TestGateway;

/**
 * The delivery guarantees under a hostile RingCentral (the simulator's fault injection): answers that get
 * lost after the SMS was accepted never cause a second send, and failing calls never cause a message to fail.
 */
@EveryDatabase
class DeliveryGuaranteesTest {

    static final int MESSAGES = 1_000;
    /** Enough for hundreds of failed calls; each in-doubt one waits for a paced message-store read. */
    static final int MESSAGES_WITH_FAULTS = 400;

    @Parameter
    Database database;

    SimulatedRingCentral ringCentral;
    TestGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (ringCentral != null) {
            ringCentral.close();
        }
    }

    @Test
    void whenRingCentralAccepts20PercentOfSendsButTheAnswerIsLostNothingIsSentTwice() {
        Fixtures.TestApp app = connected();
        ringCentral.admin().addFault(FaultRule.lostResponse("sendSms", 0.2, null));

        Map<String, String> accepted = Bulk.submit(gateway.api(), app.apiKey(), ALICE_SMS, MESSAGES, "lost-" + database);
        Bulk.awaitDrained(gateway.api(), app.apiKey(), Duration.ofMinutes(4));

        assertThat(ringCentral.admin().counters().faultHits().values().stream().mapToLong(Long::longValue).sum())
                .as("answers lost").isGreaterThan(MESSAGES / 10);
        assertEverySentOnce(app, accepted);
    }

    @Test
    void when30PercentOfCallsFailWith503OrTimeOutEveryMessageIsSentAndNoneFails() {
        Fixtures.TestApp app = connected();
        ringCentral.admin().addFault(FaultRule.error("*", 503, 0.15, null));
        ringCentral.admin().addFault(FaultRule.timeout("*", 3_000, 0.18, null));

        Map<String, String> accepted = Bulk.submit(gateway.api(), app.apiKey(), ALICE_SMS, MESSAGES_WITH_FAULTS, "faults-" + database);
        // Generous: in-doubt messages wait for message-store reads paced in the Light group, a third of which fail.
        Bulk.awaitDrained(gateway.api(), app.apiKey(), Duration.ofMinutes(10));

        assertThat(ringCentral.admin().counters().faultHits().values().stream().mapToLong(Long::longValue).sum())
                .as("calls failed").isGreaterThan(MESSAGES_WITH_FAULTS / 5);
        assertEverySentOnce(app, accepted);
    }

    private void assertEverySentOnce(Fixtures.TestApp app, Map<String, String> accepted) {
        Map<String, String> statuses = Bulk.statuses(gateway.api(), app.apiKey());
        assertThat(statuses).containsOnlyKeys(accepted.keySet());
        assertThat(statuses.values()).as("none failed; errors: %s", gateway.jdbc()
                        .sql("SELECT error, COUNT(*) AS n FROM message WHERE status <> 'sent' GROUP BY error")
                        .query().listOfRows())
                .allMatch("sent"::equals);
        assertThat(Bulk.duplicates(ringCentral.admin(), ALICE_SMS)).as("nothing sent twice").isEmpty();
        assertThat(Bulk.receivedByBody(ringCentral.admin(), ALICE_SMS).keySet())
                .containsExactlyInAnyOrderElementsOf(accepted.values());
    }

    /** A gateway tuned for quick recovery, with Alice connected before any fault is switched on. */
    private Fixtures.TestApp connected() {
        ringCentral = SimulatedRingCentral.start(config -> config.rateLimitsEnabled(false));
        gateway = ringCentral.start(ringCentral.gateway(database)
                .property("ringbridge.limits.app-requests-per-minute", "1000000").property("ringbridge.limits.tenant-requests-per-minute", "1000000")
                .property("ringcentral.http.request-timeout", "2s")
                .property("ringbridge.sending.lease", "10s")
                .property("ringbridge.sending.lookup-delay", "300ms")
                .property("ringbridge.sending.recovery-interval", "300ms")
                .property("ringbridge.sending.retry-min", "100ms")
                .property("ringbridge.sending.retry-max", "2s")
                .property("ringbridge.sending.max-attempts", "40"));
        Api api = gateway.api();
        Fixtures.TestApp app = Fixtures.newTenantWithApp(api);
        assertThat(ConnectFlow.connect(api, app.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);
        return app;
    }
}
