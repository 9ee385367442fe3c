package io.ringbridge.connection;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/** What {@code GET /v1/rc/status} and {@code GET /v1/rc/extensions} show. */
@Component
class ConnectionStatus {

    /**
     * One extension as the API shows it: the contract's fields, then [ext] ones. Never a token.
     */
    record ExtensionView(String extensionId, String rcAccountId, Instant connectedAt, ExtensionStatus status,
                         List<String> phoneNumbers, String extensionNumber, String name, boolean primary,
                         List<String> a2pPhoneNumbers, Instant expiresAt, String lastRefreshError) {
    }

    private final Extensions extensions;

    ConnectionStatus(Extensions extensions) {
        this.extensions = extensions;
    }

    ConnectionStatusView of(String tenantId) {
        List<Extension> usable = extensions.listByTenant(tenantId).stream()
                .filter(e -> e.status() != ExtensionStatus.REVOKED).toList();
        if (usable.isEmpty()) {
            return ConnectionStatusView.DISCONNECTED;
        }
        // listByTenant puts the primary extension first.
        Extension primary = usable.getFirst();
        List<String> scopes = primary.scope() == null ? List.of() : List.of(primary.scope().split("\\s+"));
        return new ConnectionStatusView(true, primary.accessExpiresAt(), primary.rcAccountId(), usable.size(), scopes,
                ConnectionSetup.REQUIRED_SCOPES.stream().filter(s -> !scopes.contains(s)).toList());
    }

    List<ExtensionView> extensions(String tenantId) {
        return extensions.listByTenant(tenantId).stream().map(this::view).toList();
    }

    ExtensionView view(Extension e) {
        List<Extensions.Number> numbers = extensions.numbers(e.tenantId(), e.extensionId());
        return new ExtensionView(e.extensionId(), e.rcAccountId(), e.connectedAt(), e.status(),
                numbers.stream().filter(Extensions.Number::sms).map(Extensions.Number::phoneNumber).toList(),
                e.extensionNumber(), e.name(), e.primary(),
                numbers.stream().filter(n -> !n.sms()).map(Extensions.Number::phoneNumber).toList(),
                e.accessExpiresAt(), e.lastRefreshError());
    }
}
