package io.roundtable.games.avalon;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A quest card, played face down. */
public enum Card {
    SUCCESS, FAIL;

    private final String id = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String id() {
        return id;
    }
}
