package io.roundtable.games.avalon;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a game stands: who is awaited follows from it. */
public enum Stage {
    /** The leader chooses a team. */
    PROPOSE,
    /** Everyone votes on the proposed team. */
    VOTE,
    /** The team members play their quest cards. */
    QUEST,
    /** The holder of the Lady of the Lake examines a player (after quests 2, 3 and 4). */
    LADY,
    /** Three quests succeeded: the Assassin names a player. */
    ASSASSINATE,
    OVER;

    private final String id = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String id() {
        return id;
    }
}
