package io.ringbridge.messaging;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import io.ringbridge.testsupport.Database;
import io.ringbridge.testsupport.EveryDatabase;
import io.ringbridge.testsupport.Fixtures;
import io.ringbridge.testsupport.World;

/**
 * One instance: a suspended tenant's waiting messages fail within seconds, not when their sender's turn comes; a
 * message sent right after reactivation goes out (it used to fail for about 5 s on a status kept too long).
 */
@EveryDatabase
class TenantSuspensionTest {

    static World world;

    @Parameter
    Database database;

    @BeforeParameterizedClassInvocation
    static void start(Database database) {
        world = TenantSuspension.PACED.start(database);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        world.close();
    }

    @Test
    void suspendingFailsWaitingMessagesPromptlyAndReactivatingSendsTheNextOneAtOnce() {
        Fixtures.TestApp app = TenantSuspension.connectedTenant(world.api());
        List<String> waiting = TenantSuspension.burstLeavingSomeWaiting(world.api(), world.gateway().jdbc(), app);

        TenantSuspension.suspendAndExpectWaitingToFail(world.api(), world.gateway().jdbc(), app, waiting);
        TenantSuspension.reactivateAndExpectTheNextMessageSent(world.api(), world.api(), app);
    }
}
