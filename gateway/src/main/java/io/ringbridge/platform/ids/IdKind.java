package io.ringbridge.platform.ids;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Every public identifier and generated secret of the API: a fixed prefix and lowercase hex from a CSPRNG, for
 * message ids after a few digits of the clock. One place knows each format, both to make values and to
 * check them.
 */
public enum IdKind {
    TENANT("tenant_", 8, 0),
    APP("app_", 8, 0),
    /**
     * Led by the clock: 12 bits of the time in seconds (wrapping every 68 minutes), then 36 random bits. The
     * messages accepted in one moment then go into a few neighbouring pages of the primary-key index instead of
     * one random page each, which the database must first read and then keep: accepting on H2 got a quarter
     * cheaper and its tail shorter (bench/RESULTS.md, "Accept"). Like any 48-bit id it can collide, sooner
     * in a young table: a message whose id is taken is stored under a new one.
     */
    MESSAGE("msg_", 6, 12),
    API_KEY("sgw_", 16, 0),
    WEBHOOK_SECRET("whsec_", 32, 0),
    WEBSOCKET_TOKEN("wst_", 32, 0);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final String prefix;
    private final int bytes;
    private final int clockBits;
    private final Pattern format;

    IdKind(String prefix, int bytes, int clockBits) {
        this.prefix = prefix;
        this.bytes = bytes;
        this.clockBits = clockBits;
        this.format = Pattern.compile(Pattern.quote(prefix) + "[0-9a-f]{" + bytes * 2 + "}");
    }

    public String next() {
        if (clockBits == 0) {
            return prefix + randomHex(bytes);
        }
        int bits = bytes * 8;
        long seconds = System.currentTimeMillis() / 1000;
        long value = (seconds << (bits - clockBits) | RANDOM.nextLong() >>> (64 - bits + clockBits)) & ((1L << bits) - 1);
        return prefix + HEX.toHexDigits(value).substring(16 - bytes * 2);
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
