package io.ringbridge.ringcentral;

/** The answer of a refresh grant: the new tokens, and what RingCentral said about the user's Auth budget. */
public record RefreshedTokens(TokenSet tokens, RateLimitStatus rateLimit) {
}
