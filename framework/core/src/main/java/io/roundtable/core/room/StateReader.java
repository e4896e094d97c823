package io.roundtable.core.room;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a {@link GameAdapter} reads a stored state tree as the game's state type. The core's reader
 * converts every time and keeps nothing; a server may give the catalogue a {@link Reading} that
 * remembers what it read (the runtime remembers the last state of each game).
 */
public interface StateReader<S> {

    S read(JsonNode tree);

    /** Told that {@code tree} was just written from {@code state}; a remembering reader keeps the pair. */
    default void wrote(JsonNode tree, S state) {
    }

    /** Makes the reader of each game's adapter from the plain one. */
    interface Reading {
        <S> StateReader<S> reader(StateReader<S> plain);

        /** Reads every time and remembers nothing. */
        Reading PLAIN = new Reading() {
            @Override
            public <S> StateReader<S> reader(StateReader<S> plain) {
                return plain;
            }
        };
    }
}
