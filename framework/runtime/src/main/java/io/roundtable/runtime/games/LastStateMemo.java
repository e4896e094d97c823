package io.roundtable.runtime.games;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.room.StateReader;

/**
 * Remembers, per game, the last state tree read or written with its typed value: one command asks the
 * rules about the same state several times (awaiting, apply, outcome, bots, timer, views), and reading
 * JSON is the costly part. Trees are never changed once made, so identity is enough. This memory lives
 * in the runtime so that the core stays a set of pure functions.
 */
final class LastStateMemo implements StateReader.Reading {

    @Override
    public <S> StateReader<S> reader(StateReader<S> plain) {
        return new Remembering<>(plain);
    }

    private static final class Remembering<S> implements StateReader<S> {
        private final StateReader<S> plain;
        private volatile Pair<S> last;

        Remembering(StateReader<S> plain) {
            this.plain = plain;
        }

        @Override
        public S read(JsonNode tree) {
            Pair<S> remembered = last;
            if (remembered != null && remembered.tree() == tree) {
                return remembered.state();
            }
            S state = plain.read(tree);
            last = new Pair<>(tree, state);
            return state;
        }

        @Override
        public void wrote(JsonNode tree, S state) {
            last = new Pair<>(tree, state);
        }
    }

    private record Pair<S>(JsonNode tree, S state) {
    }
}
