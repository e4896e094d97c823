package io.roundtable.games.avalon;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A vote on a proposed team. */
public enum Vote {
    APPROVE, REJECT;

    private final String id = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String id() {
        return id;
    }
}
