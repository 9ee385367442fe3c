package io.ringbridge.connection;

/** Whose RingCentral app issued an extension's tokens, so refreshes use the same client credentials. */
enum AppSource {
    OPERATOR("operator"),
    TENANT("tenant");

    final String wire;

    AppSource(String wire) {
        this.wire = wire;
    }

    static AppSource fromDb(String value) {
        return value.equals("tenant") ? TENANT : OPERATOR;
    }
}
