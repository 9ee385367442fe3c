package io.ringbridge.connection;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

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

    ExtensionSync(Extensions extensions, TokenVault vault, RingCentralApi api, ConnectionStatus status,
                  ApplicationEventPublisher publisher) {
        this.extensions = extensions;
        this.vault = vault;
        this.api = api;
        this.status = status;
        this.publisher = publisher;
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
        extensions.replaceNumbers(tenantId, extensionId, Extensions.Number.of(numbers));
        publisher.publishEvent(new ConnectionChanged(tenantId));
        return status.view(extension);
    }
}
