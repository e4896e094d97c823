package io.roundtable.core.spi;

import java.util.Objects;

/**
 * Why something was refused: a stable, namespaced code ({@code "avalon/team_size"}) and a sentence
 * a player can read. Rejections reach only the one who asked, and must not depend on anything that
 * person may not see.
 */
public record Rejection(String code, String message) {
    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!code.matches("[a-z][a-z0-9_]*/[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a code reads namespace/name in snake case: " + code);
        }
    }
}
