package io.roundtable.runtime.rooms;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.store.RoomStore;

/**
 * Seat tokens: {@code <room>.<member>.<HMAC-SHA256>}, valid for that one room and member only. They
 * are checked without a lookup; a member who left fails the membership check that follows. Member ids
 * are never reused within a room, so an old token cannot take over a new member's seat.
 */
@ApplicationScoped
@Startup
public class Tokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] secret;

    /** Signs with {@code roundtable.token-secret}, or else with the secret the nodes share through the store. */
    public Tokens(RoundtableConfig config, RoomStore store) {
        String configured = config.tokenSecret().orElse(null);
        if (configured == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            configured = store.sharedSecret(B64.encodeToString(fresh));
        }
        this.secret = configured.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String room, String member) {
        String payload = room + "." + member;
        return payload + "." + sign(payload);
    }

    /** The token of an {@code Authorization: Bearer <token>} header (a bare token too); null when there is none. */
    public static String bearer(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        return authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : authorization.trim();
    }

    /** The member id a token grants in {@code room}, if the token is genuine and for this room. */
    public Optional<String> member(String room, String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first) {
            return Optional.empty();
        }
        String payload = token.substring(0, last);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given) || !token.substring(0, first).equals(room)) {
            return Optional.empty();
        }
        return Optional.of(token.substring(first + 1, last));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
