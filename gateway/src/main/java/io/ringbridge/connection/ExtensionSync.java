package io.ringbridge.connection;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ringbridge.platform.web.ApiException;
import io.ringbridge.ringcentral.PhoneNumber;
import io.ringbridge.ringcentral.RingCentralAccess;
import io.ringbridge.ringcentral.RingCentralApi;
import io.ringbridge.ringcentral.RingCentralFailure;

/** [ext] Reads an extension's numbers from RingCentral again (numbers gain SMS features after registration). */
@Component
class ExtensionSync {

    private final Extensions extensions;
    private final TokenVault vault;
    private final RingCentralApi api;
    private final ConnectionStatus status;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;

    ExtensionSync(Extensions extensions, TokenVault vault, RingCentralApi api, ConnectionStatus status,
                  ApplicationEventPublisher publisher, TransactionTemplate transactions) {
        this.extensions = extensions;
        this.vault = vault;
        this.api = api;
        this.status = status;
        this.publisher = publisher;
        this.transactions = transactions;
    }

    ConnectionStatus.ExtensionView sync(String tenantId, String extensionId) {
        Extension extension = extensions.find(tenantId, extensionId)
                .orElseThrow(() -> ApiException.notFound("Extension not found", "extension_not_found"));
        RingCentralAccess access;
        List<PhoneNumber> numbers;
        try {
            access = vault.access(tenantId, extensionId);
            numbers = api.phoneNumbers(access);
        } catch (ExtensionUnavailableException e) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT,
                    "Extension is " + (e.status() == null ? "not connected" : e.status().wire()), "extension_unavailable");
        } catch (RingCentralFailure e) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_GATEWAY, "RingCentral could not be reached",
                    "ringcentral_unavailable");
        }
        // Under the extension's row lock: concurrent syncs (on any instance) replace the numbers one after another,
        // and a sync that lost the race to a disconnect leaves nothing behind.
        transactions.executeWithoutResult(tx -> extensions.lock(tenantId, extensionId).ifPresent(locked ->
                extensions.replaceNumbers(tenantId, extensionId, Extensions.Number.of(numbers))));
        publisher.publishEvent(new ConnectionChanged(tenantId));
        // As it is now: getting the token may have refreshed it (new expiry, active again).
        return status.view(extensions.find(tenantId, extensionId).orElse(extension));
    }
}
