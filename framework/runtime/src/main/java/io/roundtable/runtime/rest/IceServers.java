package io.roundtable.runtime.rest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.roundtable.runtime.config.RoundtableConfig;

/**
 * ICE servers for one member: the configured STUN servers, and TURN servers with time-limited
 * credentials in the "TURN REST API" scheme coturn checks with {@code use-auth-secret}: the user name
 * is {@code <expiry>:<room>.<member>} and the password is base64(HMAC-SHA1(secret, user name)).
 */
@ApplicationScoped
public class IceServers {
    private final RoundtableConfig.Voice config;

    public IceServers(RoundtableConfig config) {
        this.config = config.voice();
    }

    public Api.Ice forMember(String room, String member, Instant now) {
        List<Api.IceServer> servers = new ArrayList<>();
        config.stunUrls().filter(urls -> !urls.isEmpty()).ifPresent(urls -> servers.add(new Api.IceServer(urls, null, null)));
        long ttl = config.credentialTtl().toSeconds();
        if (config.turnUrls().isPresent() && config.turnSecret().isPresent() && !config.turnUrls().get().isEmpty()) {
            String username = now.plusSeconds(ttl).getEpochSecond() + ":" + room + "." + member;
            servers.add(new Api.IceServer(config.turnUrls().get(), username, credential(config.turnSecret().get(), username)));
        }
        return new Api.Ice(servers, ttl);
    }

    static String credential(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
