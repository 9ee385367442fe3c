package io.ringbridge.ringcentral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The parts of RingCentral's {@code GetExtensionInfoResponse} the gateway uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtensionInfo(long id, String extensionNumber, String name, String type, String status,
                            Account account) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String id) {
    }

    public String accountId() {
        return account == null ? null : account.id();
    }
}
