package io.ringbridge.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.ringbridge.connection.ExtensionStatus;
import io.ringbridge.connection.SenderDirectory;
import io.ringbridge.pacing.RingCentralPacer;
import io.ringbridge.ringcentral.RateLimitGroup;
import io.ringbridge.tenancy.TenantStatuses;

/**
 * Works through the send queue on this instance (every instance runs one; they share the work through
 * {@code SKIP LOCKED} claims and the shared pacing). One loop decides, many virtual threads send: senders are
 * served in turn; each turn reserves pacing slots for the sender's extension, claims that many of its oldest due
 * messages, and hands each to {@link MessageSender}. Messages that cannot go now stay {@code queued}.
 */
@Component
class SendWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendWorker.class);

    private final SendQueue messages;
    private final MessageOutcomes outcomes;
    private final MessageSender sender;
    private final SenderDirectory directory;
    private final RingCentralPacer pacer;
    private final TenantStatuses tenants;
    private final SendingProperties properties;
    private final Clock clock;
    private final SenderQueue senders = new SenderQueue();
    private final Semaphore inFlight;
    private ExecutorService executor;
    private volatile boolean running;
    private Thread loop;

    SendWorker(SendQueue messages, MessageOutcomes outcomes, MessageSender sender, SenderDirectory directory,
               RingCentralPacer pacer, TenantStatuses tenants, SendingProperties properties, Clock clock) {
        this.messages = messages;
        this.outcomes = outcomes;
        this.sender = sender;
        this.directory = directory;
        this.pacer = pacer;
        this.tenants = tenants;
        this.properties = properties;
        this.clock = clock;
        this.inFlight = new Semaphore(properties.maxInFlight());
    }

    /** A message was just accepted on this instance: its sender is served without waiting for the next scan. */
    void wake(Sender accepted) {
        if (running) {
            senders.offer(accepted);
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Sending is disabled on this instance (ringbridge.sending.enabled=false)");
            return;
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        running = true;
        loop = Thread.ofVirtual().name("send-worker").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (loop == null) {
            return;
        }
        senders.signal();
        try {
            loop.join(5_000);
            executor.shutdown();
            // Sends in flight finish; anything still going when this gives up keeps its lease and is taken over later.
            executor.awaitTermination(properties.lease().toMillis() / 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long lastScan = 0;
        long lastRecovery = 0;
        while (running) {
            try {
                long now = clock.millis();
                if (now - lastScan >= properties.senderRefresh().toMillis()) {
                    senders.refresh(messages.dueSenders(clock.instant(), 10_000));
                    lastScan = now;
                }
                if (now - lastRecovery >= properties.recoveryInterval().toMillis()) {
                    recoverExpired();
                    lastRecovery = now;
                }
                for (Sender next : senders.ready(now)) {
                    if (inFlight.availablePermits() == 0 || !running) {
                        break;
                    }
                    serve(next);
                }
                senders.await(clock.millis(), Math.min(properties.senderRefresh().toMillis(), 500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Send worker round failed; continuing", e);
                sleepQuietly();
            }
        }
    }

    private void serve(Sender next) {
        if (!tenants.active(next.tenantId())) {
            failQueued(next, SuspendedTenantMessages.ERROR);
            return;
        }
        Optional<SenderDirectory.Route> route = directory.route(next.tenantId(), next.fromNumber());
        if (route.isEmpty()) {
            failQueued(next, !directory.connected(next.tenantId()) ? "RingCentral not connected for this tenant"
                    : directory.a2pOnly(next.tenantId(), next.fromNumber())
                    ? "Phone number " + next.fromNumber() + " is a high-volume (A2P) number, which cannot send through "
                    + "RingCentral's SMS API; use a number with the SmsSender feature"
                    : "Phone number " + next.fromNumber() + " is not registered in this RingCentral account");
            return;
        }
        SenderDirectory.Route via = route.get();
        if (via.status() == ExtensionStatus.REVOKED) {
            failQueued(next, "RingCentral access for " + next.fromNumber() + " was revoked; reconnect the extension");
            return;
        }
        if (via.status() == ExtensionStatus.REFRESH_FAILED) {
            // Messages wait for the extension to recover (refresh_failed is retried automatically); they do not fail.
            senders.later(next, clock.millis() + properties.waitForExtension().toMillis());
            return;
        }
        int wanted = Math.min(properties.batch(), inFlight.availablePermits());
        RingCentralPacer.Grant grant = pacer.reserve(next.tenantId(), via.extensionId(), RateLimitGroup.MEDIUM, wanted);
        if (grant.slots() == 0) {
            senders.later(next, pacer.nextSlot(next.tenantId(), via.extensionId(), RateLimitGroup.MEDIUM).toEpochMilli());
            return;
        }
        Instant leaseUntil = clock.instant().plus(properties.lease());
        List<Claimed> claimed = outcomes.claim(next, grant.slots(), leaseUntil, via.extensionId());
        pacer.release(grant, grant.slots() - claimed.size());
        if (claimed.size() < grant.slots()) {
            senders.done(next); // nothing more due; the next scan or accept brings it back
        }
        for (Claimed message : claimed) {
            dispatch(() -> sender.send(message, grant), "message " + message.id());
        }
    }

    private void recoverExpired() {
        int room = Math.min(inFlight.availablePermits(), properties.batch());
        if (room == 0) {
            return;
        }
        Instant now = clock.instant();
        // One look-up per extension settles all of its messages taken over in this round.
        Map<List<String>, List<Claimed>> byExtension = outcomes.claimExpired(now.plus(properties.lease()), room).stream()
                .collect(Collectors.groupingBy(m -> Arrays.asList(m.tenantId(), m.extensionId()), LinkedHashMap::new,
                        Collectors.toList()));
        byExtension.values().forEach(messages -> dispatch(() -> sender.recover(messages),
                "the in-doubt messages of extension " + messages.getFirst().extensionId()));
    }

    private void failQueued(Sender next, String error) {
        if (outcomes.failQueued(next, error, properties.batch()) < properties.batch()) {
            senders.done(next);
        }
    }

    private void dispatch(Runnable work, String what) {
        inFlight.acquireUninterruptibly();
        executor.submit(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // The claim stays; when its lease runs out the message is looked up and finished by recovery.
                log.error("Sending {} failed unexpectedly", what, e);
            } finally {
                inFlight.release();
                senders.signal();
            }
        });
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
