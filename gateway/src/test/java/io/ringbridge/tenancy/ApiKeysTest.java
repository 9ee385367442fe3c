package io.ringbridge.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final String KEY = "sgw_0123456789abcdef0123456789abcdef";

    @Test
    void generatedKeyIsPrefixAnd32LowercaseHex() {
        String key = ApiKeys.generate();

        assertThat(key).matches("sgw_[0-9a-f]{32}");
        assertThat(ApiKeys.wellFormed(key)).isTrue();
        assertThat(ApiKeys.generate()).isNotEqualTo(key);
    }

    @Test
    void onlyTheExactFormatIsWellFormed() {
        assertThat(ApiKeys.wellFormed(KEY)).isTrue();

        assertThat(ApiKeys.wellFormed(null)).isFalse();
        assertThat(ApiKeys.wellFormed("")).isFalse();
        assertThat(ApiKeys.wellFormed(KEY.toUpperCase())).isFalse();
        assertThat(ApiKeys.wellFormed("sgw_0123456789ABCDEF0123456789abcdef")).isFalse();
        assertThat(ApiKeys.wellFormed(KEY.substring(0, KEY.length() - 1))).isFalse();
        assertThat(ApiKeys.wellFormed(KEY + "0")).isFalse();
        assertThat(ApiKeys.wellFormed(KEY + "\n")).isFalse();
        assertThat(ApiKeys.wellFormed("sgx_0123456789abcdef0123456789abcdef")).isFalse();
        assertThat(ApiKeys.wellFormed("sgw_0123456789abcdef0123456789abcdeg")).isFalse();
    }

    @Test
    void hashIsTheLowercaseHexSha256OfTheKey() {
        // printf '%s' sgw_0123456789abcdef0123456789abcdef | sha256sum
        assertThat(ApiKeys.hash(KEY)).isEqualTo("db1bb66ba6bc330546e7ca93f515346982a466e2dd6c93bc0a17914f6b018647");
        assertThat(ApiKeys.hash("sgw_ffffffffffffffffffffffffffffffff"))
                .isEqualTo("2160e1d538c2504cb58ff353fd6939c0ad0b12c75ae9ba2d4c28fd8cc84abfa9");
    }

    @Test
    void prefixShownForAKeyIsItsFirstEightCharacters() {
        assertThat(ApiKeys.prefix(KEY)).isEqualTo("sgw_0123");
    }
}
