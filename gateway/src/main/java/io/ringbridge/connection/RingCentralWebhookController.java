package io.ringbridge.connection;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.ringbridge.platform.crypto.SecretBox;
import io.ringbridge.platform.web.ApiException;
import io.ringbridge.tenancy.Unauthenticated;

/**
 * Where RingCentral delivers webhook notifications. The creation handshake is echoed at once, and only to the
 * address of a subscription this gateway is creating or has; every notification must carry its subscription's
 * verification token (compared in constant time). Notifications are
 * stored raw, once per {@code uuid} ({@link NotificationInbox}), and acknowledged; processing them is another
 * component's job.
 */
@RestController
@Unauthenticated
@Hidden
class RingCentralWebhookController {

    /**
     * The longest {@code Validation-Token} echoed: with the status line and every header the gateway adds, the
     * whole answer stays within the 1,024 bytes RingCentral allows a handshake answer. RingCentral's own tokens are
     * far shorter (a UUID).
     */
    static final int MAX_VALIDATION_TOKEN = 256;

    private final Subscriptions subscriptions;
    private final SecretBox secrets;
    private final NotificationInbox inbox;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    RingCentralWebhookController(Subscriptions subscriptions, SecretBox secrets, NotificationInbox inbox,
                                 JsonMapper json, Clock clock, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.inbox = inbox;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    @PostMapping(path = {"/v1/webhooks/ringcentral", "/v1/webhooks/ringcentral/{subscriptionKey}"},
            consumes = MediaType.ALL_VALUE)
    ResponseEntity<Void> receive(@PathVariable(required = false) String subscriptionKey,
                                 @RequestHeader(name = "Validation-Token", required = false) String validationToken,
                                 @RequestHeader(name = "Verification-Token", required = false) String verificationToken,
                                 @RequestBody(required = false) byte[] body) {
        boolean empty = body == null || body.length == 0;
        if (validationToken != null && empty) {
            // The handshake RingCentral performs while creating a subscription: echo, nothing else.
            if (validationToken.length() > MAX_VALIDATION_TOKEN) {
                throw ApiException.badRequest("Validation-Token must be at most " + MAX_VALIDATION_TOKEN + " characters",
                        "invalid_validation_token");
            }
            known(subscriptionKey);
            return ResponseEntity.ok().header("Validation-Token", validationToken).build();
        }
        Subscriptions.Row subscription = known(subscriptionKey);
        String expected = secrets.open(subscription.sealedVerificationToken(),
                SubscriptionManager.tokenContext(subscription.subscriptionKey()));
        String presented = verificationToken != null ? verificationToken : validationToken;
        if (!SecretTokens.sameSecret(expected, presented)) {
            meters.counter("ringbridge.rc.notifications", "outcome", "rejected").increment();
            throw forbidden();
        }
        if (!empty) {
            store(subscription, new String(body, StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok().build();
    }

    private Subscriptions.Row known(String subscriptionKey) {
        return Optional.ofNullable(subscriptionKey).flatMap(subscriptions::find)
                .orElseThrow(RingCentralWebhookController::forbidden);
    }

    private void store(Subscriptions.Row subscription, String body) {
        String uuid;
        String event;
        try {
            JsonNode notification = json.readTree(body);
            uuid = notification.path("uuid").asString(null);
            event = notification.path("event").asString(null);
        } catch (JacksonException e) {
            throw ApiException.badRequest("Invalid JSON body", "invalid_json");
        }
        if (uuid == null || uuid.isBlank()) {
            uuid = "sha256:" + SecretTokens.hash(body);
        }
        boolean stored = inbox.store(new NotificationInbox.Notification(subscription.subscriptionKey(),
                subscription.tenantId(), subscription.extensionId(), uuid, event, body, clock.instant()));
        meters.counter("ringbridge.rc.notifications", "outcome", stored ? "stored" : "duplicate").increment();
    }

    private static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "invalid_verification_token");
    }
}
