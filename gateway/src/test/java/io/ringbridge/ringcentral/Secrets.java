package io.ringbridge.ringcentral;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts that what the client shows (exception messages, {@code toString()}) never carries a secret. */
final class Secrets {
    private Secrets() {
    }

    /** Neither the failure nor any of its causes mentions one of the secrets, in message or toString. */
    static void notIn(Throwable failure, String... secrets) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            notIn(t.toString(), secrets);
            notIn(String.valueOf(t.getMessage()), secrets);
        }
    }

    static void notIn(Object shown, String... secrets) {
        String text = String.valueOf(shown);
        for (String secret : secrets) {
            assertThat(secret).as("a secret to look for").isNotBlank();
            assertThat(text).as("what the client shows").doesNotContain(secret);
        }
    }
}
