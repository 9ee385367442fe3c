package io.ringbridge.ringcentral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * RingCentral's {@code TokenInfo}: the answer of the code and refresh grants. Lifetimes are seconds from the
 * moment of the answer; {@code ownerId} is the extension id of the user who authorized.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenSet(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("refresh_token_expires_in") Long refreshTokenExpiresIn,
        @JsonProperty("scope") String scope,
        @JsonProperty("owner_id") String ownerId,
        @JsonProperty("endpoint_id") String endpointId,
        @JsonProperty("session_id") String sessionId) {

    @Override
    public String toString() {
        return "TokenSet[ownerId=" + ownerId + ", expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
