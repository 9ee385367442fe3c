package io.ringbridge.messaging;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.SimulatedRingCentral;
import io.ringbridge.testsupport.TestGateway;

/**
 * Two instances on one PostgreSQL: a tenant's status changed through A takes effect on B at once (B hears it by a
 * database notification): messages accepted by B and waiting fail within seconds of the suspension, and a message
 * sent through B right after the reactivation is accepted and sent.
 */
class TenantSuspensionClusterTest {

    static SimulatedRingCentral ringCentral;
    static TestGateway a;
    static TestGateway b;

    @BeforeAll
    static void twoInstances() {
        ringCentral = SimulatedRingCentral.start(TenantSuspension.PACED.simulator());
        a = ringCentral.start(TenantSuspension.PACED.gateway().apply(ringCentral.gateway(Database.POSTGRES)));
        b = ringCentral.start(TenantSuspension.PACED.gateway().apply(ringCentral.gateway(Database.POSTGRES))
                .sharingDatabaseWith(a));
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
        ringCentral.close();
    }

    @Test
    void suspendedOnAMessagesWaitingOnBFailPromptlyAndReactivatedOnAASendThroughBGoesOut() {
        Fixtures.TestApp app = TenantSuspension.connectedTenant(a.api());
        List<String> waiting = TenantSuspension.burstLeavingSomeWaiting(b.api(), b.jdbc(), app);

        TenantSuspension.suspendAndExpectWaitingToFail(a.api(), b.jdbc(), app, waiting);
        TenantSuspension.reactivateAndExpectTheNextMessageSent(a.api(), b.api(), app);
    }
}
