package io.ringbridge.connection;

/** What a connect link is for: connecting the tenant's account (primary user), or inviting another user. */
enum TokenKind {
    CONNECT("connect"),
    INVITE("invite");

    final String wire;

    TokenKind(String wire) {
        this.wire = wire;
    }

    static TokenKind fromDb(String value) {
        return value.equals("invite") ? INVITE : CONNECT;
    }
}
