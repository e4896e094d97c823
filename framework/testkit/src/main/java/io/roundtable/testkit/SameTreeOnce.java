package io.roundtable.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.room.StateReader;

/**
 * Reads each state tree once while it stays the latest: one step asks the rules about the same state
 * many times. Random play gives each range of games its own engine on one thread, so a plain field is
 * enough.
 */
final class SameTreeOnce implements StateReader.Reading {
    @Override
    public <T> StateReader<T> reader(StateReader<T> plain) {
        return new StateReader<>() {
            private JsonNode tree;
            private T state;

            @Override
            public T read(JsonNode json) {
                if (json != tree) {
                    state = plain.read(json);
                    tree = json;
                }
                return state;
            }

            @Override
            public void wrote(JsonNode json, T written) {
                tree = json;
                state = written;
            }
        };
    }
}
