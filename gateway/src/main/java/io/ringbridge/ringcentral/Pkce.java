package io.ringbridge.ringcentral;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

/**
 * An RFC 7636 PKCE pair: the verifier is kept by the gateway until the token request, the S256 challenge goes
 * into the authorize URL.
 */
public record Pkce(String verifier, String challenge) {

    public static Pkce generate() {
        CodeVerifier verifier = new CodeVerifier();
        return new Pkce(verifier.getValue(), CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
    }

    /** The challenge of an existing verifier (to check a stored pair). */
    public static String challengeOf(String verifier) {
        return CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue();
    }

    @Override
    public String toString() {
        return "Pkce[challenge=" + challenge + "]";
    }
}
