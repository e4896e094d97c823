package io.roundtable.runtime.ws;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.roundtable.runtime.config.RoundtableConfig;

/**
 * Which web pages may open a room socket, by their {@code Origin}: those in
 * {@code roundtable.ws.allowed-origins}, and with {@code roundtable.ws.allow-same-origin} (on in dev
 * mode) a page served by this very server, whatever its port ({@code Origin} names the {@code Host} the
 * request went to).
 */
@ApplicationScoped
public class Origins {
    private final RoundtableConfig config;

    public Origins(RoundtableConfig config) {
        this.config = config;
    }

    /**
     * @param origin the request's {@code Origin} header, null when it has none
     * @param host   the request's {@code Host} header, null when it has none
     */
    public boolean allowed(String origin, String host) {
        if (origin == null) {
            return config.ws().allowMissingOrigin();
        }
        List<String> allowed = config.ws().allowedOrigins();
        if (allowed.contains("*") || allowed.contains(origin)) {
            return true;
        }
        int colon = origin.lastIndexOf(':');
        if (colon > origin.indexOf("//") && allowed.contains(origin.substring(0, colon) + ":*")) {
            return true;
        }
        return config.ws().allowSameOrigin() && host != null && sameAuthority(origin, host);
    }

    private static boolean sameAuthority(String origin, String host) {
        String lower = origin.toLowerCase(Locale.ROOT);
        String authority = lower.startsWith("http://") ? lower.substring(7)
                : lower.startsWith("https://") ? lower.substring(8) : null;
        return authority != null && authority.equals(host.toLowerCase(Locale.ROOT));
    }
}
