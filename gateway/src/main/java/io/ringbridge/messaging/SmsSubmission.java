package io.ringbridge.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.platform.db.Timestamps;
import io.ringbridge.platform.ids.IdKind;
import io.ringbridge.platform.web.ApiException;

/**
 * Accepts a message {@link SendValidation} has read: stores it queued in one transaction with its idempotency key,
 * so once 202 is answered the message is durable and will end in a final status. Nothing about RingCentral is
 * checked here: problems there show later as {@code failed} with an {@code error}.
 */
@Service
class SmsSubmission {

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    /** What was accepted, and whether it is the replay of an earlier request with the same key. */
    record Outcome(SmsRequests.Accepted accepted, boolean replayed, Sender sender) {
    }

    /** How many new ids a message is tried under; two collisions in a row are already a one-in-billions event. */
    private static final int ID_ATTEMPTS = 3;

    private final MessageIntake intake;
    private final DestinationCheck destinations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Supplier<String> newIds;

    @Autowired
    SmsSubmission(MessageIntake intake, DestinationCheck destinations, JdbcClient jdbc,
                  TransactionTemplate transactions, Clock clock) {
        this(intake, destinations, jdbc, transactions, clock, IdKind.MESSAGE::next);
    }

    SmsSubmission(MessageIntake intake, DestinationCheck destinations, JdbcClient jdbc,
                  TransactionTemplate transactions, Clock clock, Supplier<String> newIds) {
        this.intake = intake;
        this.destinations = destinations;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.newIds = newIds;
    }

    /** @param request a request {@link SendValidation} has read, so its fields are valid */
    Outcome submit(String tenantId, String appId, SmsRequests.Send request, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > 255)) {
            throw ApiException.invalid("Idempotency-Key", "Idempotency-Key must be 1-255 characters",
                    "invalid_idempotency_key");
        }
        destinations.requireAllowed(tenantId, request.to());
        Sender sender = new Sender(tenantId, request.from());
        for (int attempt = 1; ; attempt++) {
            try {
                return idempotencyKey == null
                        ? store(tenantId, appId, request, sender)
                        : storeOnce(tenantId, appId, request, idempotencyKey, sender);
            } catch (DuplicateKeyException idTaken) {
                // The message's id belongs to an earlier message (IdKind.MESSAGE): nothing was stored, try another.
                if (attempt == ID_ATTEMPTS) {
                    throw idTaken;
                }
            }
        }
    }

    private Outcome store(String tenantId, String appId, SmsRequests.Send request, Sender sender) {
        Message message = queued(tenantId, appId, request);
        intake.store(message);
        return new Outcome(accepted(message), false, sender);
    }

    /** Stores the message with its idempotency key, or answers as the replay of the request that holds the key. */
    private Outcome storeOnce(String tenantId, String appId, SmsRequests.Send request, String idempotencyKey,
                              Sender sender) {
        String hash = hash(request);
        try {
            return transactions.execute(tx -> {
                Optional<Outcome> earlier = replay(appId, idempotencyKey, hash, sender);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                Message message = queued(tenantId, appId, request);
                intake.storeWithin(message);
                SmsRequests.Accepted accepted = accepted(message);
                jdbc.sql("DELETE FROM idempotency_key WHERE app_id = :app AND idem_key = :key AND created_at <= :since")
                        .param("app", appId).param("key", idempotencyKey)
                        .param("since", Timestamps.toDb(clock.instant().minus(IDEMPOTENCY_WINDOW))).update();
                jdbc.sql("INSERT INTO idempotency_key (app_id, idem_key, request_hash, message_id, created_at) "
                                + "VALUES (:app, :key, :hash, :message, :now)")
                        .param("app", appId).param("key", idempotencyKey).param("hash", hash)
                        .param("message", accepted.messageId()).param("now", Timestamps.toDb(clock.instant())).update();
                return new Outcome(accepted, false, sender);
            });
        } catch (DuplicateKeyException keyOrIdTaken) {
            // Another request with the same key committed first: this one answers as its replay. Without such a
            // request, the duplicate was the message's id.
            return replay(appId, idempotencyKey, hash, sender).orElseThrow(() -> keyOrIdTaken);
        }
    }

    private Message queued(String tenantId, String appId, SmsRequests.Send request) {
        Instant now = clock.instant();
        return new Message(newIds.get(), MessageStatus.QUEUED, null, null, request.to(), request.from(),
                request.body(), now, now, "outbound", appId, request.userId(), tenantId, Segments.count(request.body()),
                null, null, null);
    }

    private static SmsRequests.Accepted accepted(Message message) {
        return new SmsRequests.Accepted(message.id(), MessageStatus.QUEUED);
    }

    private Optional<Outcome> replay(String appId, String key, String hash, Sender sender) {
        return jdbc.sql("SELECT request_hash, message_id FROM idempotency_key WHERE app_id = :app AND idem_key = :key AND created_at > :since")
                .param("app", appId).param("key", key)
                .param("since", Timestamps.toDb(clock.instant().minus(IDEMPOTENCY_WINDOW)))
                .query((rs, n) -> {
                    if (!rs.getString("request_hash").equals(hash)) {
                        throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT,
                                "Idempotency-Key reused with a different request", "idempotency_key_reused");
                    }
                    return new Outcome(new SmsRequests.Accepted(rs.getString("message_id"), MessageStatus.QUEUED), true, sender);
                })
                .optional();
    }

    private static String hash(SmsRequests.Send request) {
        String canonical = String.join("\u0000", request.to(), request.from(), request.body(),
                request.userId() == null ? "\u0001" : request.userId());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
