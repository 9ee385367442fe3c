package io.ringbridge.ringcentral;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The answer of RingCX's login-with-RingCentral-token and refresh calls. Access tokens live 5 minutes. */
@JsonIgnoreProperties(ignoreUnknown = true)
record RingCxTokens(String accessToken, String refreshToken, String tokenType, String mainAccountId,
                           List<Map<String, Object>> agentDetails, String adminId, String adminUrl, String agentUrl,
                           Boolean ssoLogin) {

    @Override
    public String toString() {
        return "RingCxTokens[mainAccountId=" + mainAccountId + "]";
    }
}
