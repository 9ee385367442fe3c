package io.ringbridge.ringcentral;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/** RingCX (Engage Voice) authentication: exchange a RingCentral access token, refresh (rotating). */
final class RingCxApi {

    static final String LOGIN = "/api/auth/login/rc/accesstoken?includeRefresh=true";
    static final String REFRESH = "/api/auth/token/refresh";

    private final RingCentralHttp http;

    RingCxApi(RingCentralHttp http) {
        this.http = http;
    }

    /** Trades a RingCentral access token for RingCX tokens (limited to 5 per minute by RingCX). */
    public RingCxTokens login(URI ringCxServer, String ringCentralAccessToken) {
        HttpRequest request = http.request(RingCentralHttp.at(ringCxServer, LOGIN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(RingCentralHttp.form(Map.of("rcAccessToken", ringCentralAccessToken, "rcTokenType", "Bearer")))
                .build();
        return http.send("RingCX login", request, RingCxTokens.class).body();
    }

    /** Returns a new access token and a new refresh token; the old refresh token is spent. */
    public RingCxTokens refresh(URI ringCxServer, String refreshToken) {
        HttpRequest request = http.request(RingCentralHttp.at(ringCxServer, REFRESH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(RingCentralHttp.form(Map.of("refresh_token", refreshToken)))
                .build();
        return http.send("RingCX refresh", request, RingCxTokens.class).body();
    }
}
