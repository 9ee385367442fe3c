package io.ringbridge.simulator.state;

import io.ringbridge.simulator.directory.Directory;
import io.ringbridge.simulator.oauth.SavedSession;
import io.ringbridge.simulator.ringcx.RingCxTokens;
import io.ringbridge.simulator.sms.MessageStore;
import io.ringbridge.simulator.subscription.Subscription;
import java.util.List;

/**
 * What the state file holds: everything a client of the simulator could notice missing after a restart.
 * Rate-limit windows, faults and counters are left out; they start afresh.
 *
 * @param version       the file format, {@value #VERSION}
 * @param directory     accounts, users, numbers and apps as they stand (including those added at run time)
 * @param sessions      OAuth sessions with their live tokens
 * @param messages      the message stores and the id sequences
 * @param subscriptions live webhook subscriptions
 * @param ringCx        RingCX tokens and their signing key
 */
public record SimulatorState(int version, Directory directory, List<SavedSession> sessions,
                             MessageStore.Saved messages, List<Subscription.Saved> subscriptions,
                             RingCxTokens.Saved ringCx) {

    public static final int VERSION = 1;

    public SimulatorState {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }
}
