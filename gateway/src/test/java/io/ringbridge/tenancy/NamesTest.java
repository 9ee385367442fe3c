package io.ringbridge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.ringbridge.platform.web.ApiException;

class NamesTest {

    private static final String FLAG = "\uD83C\uDFF3"; // 🏳, one character in two UTF-16 units

    @Test
    void nameIsStoredWithoutSurroundingBlanks() {
        assertThat(Names.require("  Acme Corp\t\n")).isEqualTo("Acme Corp");
    }

    @Test
    void oneToAHundredCharactersAreAName() {
        assertThat(Names.require("A")).isEqualTo("A");
        assertThat(Names.require("n".repeat(100))).hasSize(100);
    }

    @Test
    void lengthIsCountedInCharactersNotCodeUnits() {
        assertThat(Names.require(FLAG.repeat(100))).isEqualTo(FLAG.repeat(100));
        assertRefused(FLAG.repeat(101));
    }

    @Test
    void blanksAroundTheLimitDoNotCount() {
        assertThat(Names.require(" " + "n".repeat(100) + " ")).isEqualTo("n".repeat(100));
    }

    @Test
    void missingEmptyBlankOrLongNamesAreRefused() {
        assertRefused(null);
        assertRefused("");
        assertRefused(" \t ");
        assertRefused("n".repeat(101));
    }

    private static void assertRefused(String name) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> Names.require(name));

        assertThat(e).as("refused: %s", name).isNotNull();
        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e.error()).isEqualTo("name must be 1-100 characters");
        assertThat(e.code()).isEqualTo("invalid_name");
    }
}
