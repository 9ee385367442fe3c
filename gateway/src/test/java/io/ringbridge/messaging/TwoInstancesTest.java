package io.ringbridge.messaging;

import static io.ringbridge.testsupport.SimulatedRingCentral.ACCOUNT;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE;
import static io.ringbridge.testsupport.SimulatedRingCentral.ALICE_SMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.ringbridge.testsupport.Bulk;
import io.ringbridge.testsupport.ConnectFlow;
import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.TestGateway;

/**
 * Two gateway instances on one PostgreSQL drain 5,000 messages together: the work is shared, nothing is
 * sent twice. (PostgreSQL only: the embedded H2 database belongs to one process.)
 */
class TwoInstancesTest {

    static final int MESSAGES = 5_000;
    private static final Pattern SENT = Pattern.compile("ringbridge_sms_sends_total\\{[^}]*outcome=\"sent\"[^}]*} ([0-9.]+)");

    @Test
    void twoInstancesShareTheDrainAndSendEveryMessageOnce() {
        try (SimulatedRingCentral ringCentral = SimulatedRingCentral.start(config -> config.rateLimitsEnabled(false)
                .latencyMs(10))) {
            TestGateway first = ringCentral.start(tuned(ringCentral.gateway(Database.POSTGRES)
                    .property("ringbridge.sending.enabled", "false")));
            try {
                Fixtures.TestApp app = Fixtures.newTenantWithApp(first.api());
                assertThat(ConnectFlow.connect(first.api(), app.apiKey(), false, ACCOUNT, ALICE).status()).isEqualTo(200);
                Map<String, String> accepted = Bulk.submit(first.api(), app.apiKey(), ALICE_SMS, MESSAGES, "two-instances");
                first.close();

                TestGateway a = ringCentral.start(tuned(ringCentral.gateway(Database.POSTGRES)).sharingDatabaseWith(first));
                TestGateway b = ringCentral.start(tuned(ringCentral.gateway(Database.POSTGRES)).sharingDatabaseWith(first));
                try {
                    Bulk.awaitDrained(a.api(), app.apiKey(), Duration.ofMinutes(4));

                    Map<String, String> statuses = Bulk.statuses(a.api(), app.apiKey());
                    assertThat(statuses).containsOnlyKeys(accepted.keySet());
                    assertThat(statuses.values()).allMatch("sent"::equals);
                    assertThat(Bulk.duplicates(ringCentral.admin(), ALICE_SMS)).as("nothing sent twice").isEmpty();
                    double sentByA = sent(a);
                    double sentByB = sent(b);
                    assertThat(sentByA + sentByB).isEqualTo(MESSAGES);
                    assertThat(Math.min(sentByA, sentByB)).as("work shared: A sent %s, B sent %s", sentByA, sentByB)
                            .isGreaterThan(MESSAGES / 10.0);
                } finally {
                    a.close();
                    b.close();
                }
            } finally {
                first.close();
            }
        }
    }

    private static TestGateway.Builder tuned(TestGateway.Builder builder) {
        return builder.property("ringbridge.limits.app-requests-per-minute", "1000000").property("ringbridge.limits.tenant-requests-per-minute", "1000000")
                .property("ringbridge.sending.max-in-flight", "64");
    }

    private static double sent(TestGateway gateway) {
        Matcher matcher = SENT.matcher(gateway.api().get("/actuator/prometheus", null).body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
