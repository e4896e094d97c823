package io.roundtable.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A rules class need not repeat its options, state and action types: they are read from its declaration. */
class TypeArgumentsTest {

    record Options(int size) {
    }

    record State(List<Integer> seats) {
    }

    sealed interface Action permits Wave {
    }

    record Wave() implements Action {
    }

    static class Tiny implements GameRules<Options, State, Action> {
        public String id() {
            return "tiny";
        }

        public Options defaultOptions() {
            return new Options(2);
        }

        public Policy policy(Options options) {
            return Policy.dynamic(options.size());
        }

        public State setup(int players, Options options, GameRandom random) {
            return new State(List.of());
        }

        public Set<Integer> awaiting(State state) {
            return Set.of();
        }

        public Decision<State> apply(State state, int seat, Action action, Turn turn) {
            return Decision.accept(state);
        }

        public Object view(State state, Viewer viewer) {
            return state;
        }

        public Optional<Outcome> outcome(State state) {
            return Optional.empty();
        }
    }

    static class TinyVariant extends Tiny {
    }

    @Test
    void the_types_come_from_the_implements_clause_even_for_a_subclass() {
        assertThat(new Tiny().optionsType()).isEqualTo(Options.class);
        assertThat(new Tiny().stateType()).isEqualTo(State.class);
        assertThat(new TinyVariant().actionType()).isEqualTo(Action.class);
    }

    @Test
    void a_class_that_leaves_its_types_open_is_told_to_name_them() {
        class Open<S> extends Tiny {
        }
        GameRules<?, ?, ?> generic = new GameRules<Options, Object, Action>() {
            public String id() {
                return "open";
            }

            public Options defaultOptions() {
                return null;
            }

            public Policy policy(Options options) {
                return null;
            }

            public Object setup(int players, Options options, GameRandom random) {
                return null;
            }

            public Set<Integer> awaiting(Object state) {
                return Set.of();
            }

            public Decision<Object> apply(Object state, int seat, Action action, Turn turn) {
                return null;
            }

            public Object view(Object state, Viewer viewer) {
                return null;
            }

            public Optional<Outcome> outcome(Object state) {
                return Optional.empty();
            }
        };
        assertThat(generic.stateType()).isEqualTo(Object.class);
        assertThat(new Open<String>().stateType()).isEqualTo(State.class);
        assertThatThrownBy(() -> TypeArguments.of(String.class, 0, "optionsType"))
                .hasMessageContaining("implement optionsType() yourself");
    }
}
