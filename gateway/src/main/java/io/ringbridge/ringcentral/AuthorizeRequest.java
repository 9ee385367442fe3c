package io.ringbridge.ringcentral;

import java.net.URI;

/**
 * What goes into RingCentral's authorize URL besides the app's client id. {@code prompt}, {@code brandId} and
 * {@code uiLocales} are optional ({@code null} leaves them out).
 */
public record AuthorizeRequest(URI redirectUri, String state, String codeChallenge, String prompt, String brandId,
                               String uiLocales) {

    public static AuthorizeRequest of(URI redirectUri, String state, String codeChallenge) {
        return new AuthorizeRequest(redirectUri, state, codeChallenge, null, null, null);
    }

    /** Without {@code state}: the gateway's states are single-use secrets (only their hash is stored). */
    @Override
    public String toString() {
        return "AuthorizeRequest[redirectUri=" + redirectUri + ", prompt=" + prompt + ", brandId=" + brandId
                + ", uiLocales=" + uiLocales + "]";
    }
}
