package io.roundtable.sample.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.GameRules;
import io.roundtable.core.spi.Outcome;
import io.roundtable.core.spi.Policy;
import io.roundtable.core.spi.Rejection;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.Viewer;

/**
 * Relay, the testkit's sample dynamic game: whoever is at the table adds one word to a story, in the
 * order they sat down; people come and go at any time. Nothing is hidden.
 */
public class Relay implements GameRules<Relay.Options, Relay.State, Relay.Word> {
    private static final List<String> WORDS = List.of("once", "upon", "a", "time", "there", "was", "dragon", "who",
            "sang");

    /** @param maxPlayers seats at the table; @param words the story ends at this many words */
    public record Options(int maxPlayers, int words) {
        public static Options defaults() {
            return new Options(5, 12);
        }
    }

    /** @param seats the seats at the table, in the order they sat down; @param turn whose word is next (-1: nobody here) */
    public record State(List<Integer> seats, int turn, List<String> story, int words) {
        public State {
            seats = List.copyOf(seats);
            story = List.copyOf(story);
        }
    }

    public record Word(String word) {
    }

    @Override
    public String id() {
        return "relay";
    }

    @Override
    public Options defaultOptions() {
        return Options.defaults();
    }

    @Override
    public Policy policy(Options options) {
        return Policy.dynamic(options.maxPlayers());
    }

    @Override
    public List<Rejection> validate(Options options) {
        if (options.maxPlayers() < 1 || options.maxPlayers() > 8 || options.words() < 1) {
            return List.of(new Rejection("relay/options", "A relay seats 1 to 8 and tells at least one word."));
        }
        return List.of();
    }

    /** A dynamic room sets up before anyone sits down: {@code players} is 0. */
    @Override
    public State setup(int players, Options options, GameRandom random) {
        List<Integer> seats = new ArrayList<>();
        for (int seat = 0; seat < players; seat++) {
            seats.add(seat);
        }
        return new State(seats, seats.isEmpty() ? -1 : 0, List.of(), options.words());
    }

    @Override
    public Set<Integer> awaiting(State state) {
        return state.turn() < 0 || state.story().size() >= state.words() ? Set.of() : Set.of(state.turn());
    }

    @Override
    public Decision<State> apply(State state, int seat, Word action, Turn turn) {
        if (action.word() == null || !action.word().matches("[a-z]{1,12}")) {
            return Decision.reject("relay/not_a_word", "A word is 1 to 12 lowercase letters.");
        }
        List<String> story = new ArrayList<>(state.story());
        story.add(action.word());
        return Decision.accept(new State(state.seats(), after(state.seats(), seat), story, state.words()),
                new Told(seat, action.word()));
    }

    /** Public event: who added which word. */
    public record Told(int seat, String word) {
    }

    @Override
    public Object view(State state, Viewer viewer) {
        return state;
    }

    @Override
    public Optional<Outcome> outcome(State state) {
        return state.story().size() >= state.words()
                ? Optional.of(new Outcome(state.seats(), String.join(" ", state.story()) + ".", java.util.Map.of()))
                : Optional.empty();
    }

    @Override
    public Optional<Word> bot(State state, int seat, GameRandom random) {
        return Optional.of(new Word(random.pick(WORDS)));
    }

    @Override
    public State onJoin(State state, int seat) {
        List<Integer> seats = new ArrayList<>(state.seats());
        seats.add(seat);
        return new State(seats, state.turn() < 0 ? seat : state.turn(), state.story(), state.words());
    }

    @Override
    public State onLeave(State state, int seat) {
        List<Integer> seats = new ArrayList<>(state.seats());
        int next = state.turn() == seat ? after(seats, seat) : state.turn();
        seats.remove(Integer.valueOf(seat));
        return new State(seats, seats.isEmpty() ? -1 : next, state.story(), state.words());
    }

    /** The seat after {@code seat} in sitting order, wrapping around. */
    private static int after(List<Integer> seats, int seat) {
        int index = seats.indexOf(seat);
        return seats.get((index + 1) % seats.size());
    }
}
