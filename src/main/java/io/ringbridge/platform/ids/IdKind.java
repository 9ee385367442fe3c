package io.ringbridge.platform.ids;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Every public identifier and generated secret of the API: a fixed prefix and lowercase hex from a CSPRNG
 * (API.md §0). One place knows each format, both to make values and to check them.
 */
public enum IdKind {
    TENANT("tenant_", 8),
    APP("app_", 8),
    MESSAGE("msg_", 6),
    API_KEY("sgw_", 16),
    WEBHOOK_SECRET("whsec_", 32),
    WEBSOCKET_TOKEN("wst_", 32);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final String prefix;
    private final int randomBytes;
    private final Pattern format;

    IdKind(String prefix, int randomBytes) {
        this.prefix = prefix;
        this.randomBytes = randomBytes;
        this.format = Pattern.compile(Pattern.quote(prefix) + "[0-9a-f]{" + randomBytes * 2 + "}");
    }

    public String next() {
        return prefix + randomHex(randomBytes);
    }

    public boolean matches(String value) {
        return value != null && format.matcher(value).matches();
    }

    /** Random bytes as lowercase hex, for opaque tokens that have no prefix of their own. */
    public static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HEX.formatHex(buffer);
    }
}
