package io.ringbridge.simulator.ringcx;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RingCX tokens: HS256 JWT access tokens and opaque, rotating refresh tokens. */
public final class RingCxTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] key = new byte[32];
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Grant> access = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Grant> refresh = new ConcurrentHashMap<>();

    /** Who a token speaks for and until when. */
    public record Grant(long rcAccountId, long rcExtensionId, long expiresAtMillis) {
    }

    RingCxTokens() {
        random.nextBytes(key);
    }

    String issueAccess(long rcAccountId, long rcExtensionId, String subAccountId, long ttlMillis) {
        long now = System.currentTimeMillis();
        long exp = now + ttlMillis;
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(("{\"sub\":\"" + rcExtensionId + "\",\"accountId\":\"" + subAccountId
                + "\",\"rcAccountId\":\"" + rcAccountId + "\",\"iat\":" + now / 1000 + ",\"exp\":" + exp / 1000
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        String token = header + "." + payload + "." + sign(header + "." + payload);
        access.put(token, new Grant(rcAccountId, rcExtensionId, exp));
        return token;
    }

    String issueRefresh(long rcAccountId, long rcExtensionId, long ttlMillis) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = B64.encodeToString(bytes);
        refresh.put(token, new Grant(rcAccountId, rcExtensionId, System.currentTimeMillis() + ttlMillis));
        return token;
    }

    Grant access(String token) {
        return token == null ? null : access.get(token);
    }

    /** Takes a refresh token out of circulation (rotation) and returns its grant; null when unknown. */
    Grant redeemRefresh(String token) {
        return token == null ? null : refresh.remove(token);
    }

    /** The signing key and every token, for the state file. */
    Saved snapshot() {
        return new Saved(Base64.getEncoder().encodeToString(key), Map.copyOf(access), Map.copyOf(refresh));
    }

    void restore(Saved saved) {
        byte[] savedKey = Base64.getDecoder().decode(saved.key());
        System.arraycopy(savedKey, 0, key, 0, key.length);
        reset();
        access.putAll(saved.access());
        refresh.putAll(saved.refresh());
    }

    /** RingCX tokens as the state file keeps them. */
    public record Saved(String key, Map<String, Grant> access, Map<String, Grant> refresh) {

        public Saved {
            access = access == null ? Map.of() : Map.copyOf(access);
            refresh = refresh == null ? Map.of() : Map.copyOf(refresh);
        }
    }

    void reset() {
        access.clear();
        refresh.clear();
    }

    private String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(data.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
