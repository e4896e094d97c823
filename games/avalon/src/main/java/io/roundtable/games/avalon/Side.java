package io.roundtable.games.avalon;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The two teams: the loyal servants of Arthur and the minions of Mordred. */
public enum Side {
    GOOD, EVIL;

    private final String id = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String id() {
        return id;
    }
}
