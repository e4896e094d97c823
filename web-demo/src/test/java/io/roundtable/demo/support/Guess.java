package io.roundtable.demo.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.roundtable.core.spi.Channel;
import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.GameRules;
import io.roundtable.core.spi.Outcome;
import io.roundtable.core.spi.Policy;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.TurnTimer;
import io.roundtable.core.spi.Viewer;

/**
 * A test-only game for the runtime: each seat is dealt a secret number 0–999; in turn, seats guess the
 * next seat's number; a right guess wins (rarely: tests can count on the game going on), and after
 * {@code rounds} full rounds nobody does.
 * Seats 0 and 1 share a private channel "pair". Spectators may not chat while the last seat guesses. With
 * {@code turnMillis}, a seat that does not guess in time has the timer guess for it.
 */
public final class Guess implements GameRules<Guess.Options, Guess.State, Guess.Action> {

    public record Options(int players, int rounds, Integer turnMillis) {
        public Options {
            turnMillis = turnMillis == null ? 0 : turnMillis; // boxed: a missing int would be refused
        }
    }

    public record State(List<Integer> secrets, int turn, int guesses, Integer winner, List<String> log, int rounds) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes(@JsonSubTypes.Type(value = Action.Call.class, name = "guess"))
    public sealed interface Action {
        record Call(int number) implements Action {
        }
    }

    public record View(Integer mySecret, int turn, List<String> log, Integer winner, List<Integer> revealed) {
    }

    @Override
    public String id() {
        return "guess";
    }




    @Override
    public Options defaultOptions() {
        return new Options(2, 3, 0);
    }

    @Override
    public Policy policy(Options options) {
        return Policy.fixed(options.players(), options.players(), Policy.SeatLoss.BOT);
    }

    @Override
    public State setup(int players, Options options, GameRandom random) {
        List<Integer> secrets = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            secrets.add(random.nextInt(1000));
        }
        return new State(secrets, 0, 0, null, List.of(), options.rounds());
    }

    @Override
    public Set<Integer> awaiting(State state) {
        return state.winner() != null || state.guesses() >= state.rounds() * state.secrets().size() ? Set.of()
                : Set.of(state.turn());
    }

    @Override
    public Decision<State> apply(State state, int seat, Action action, Turn turn) {
        int number = ((Action.Call) action).number();
        if (number < 0 || number > 999) {
            return Decision.reject("guess/out_of_range", "Guess a number from 0 to 999.");
        }
        int target = (seat + 1) % state.secrets().size();
        List<String> log = new ArrayList<>(state.log());
        log.add("seat " + seat + " guessed " + number);
        Integer winner = state.secrets().get(target) == number ? seat : null;
        return Decision.accept(new State(state.secrets(), target, state.guesses() + 1, winner, log, state.rounds()),
                Map.of("guessed", seat));
    }

    @Override
    public View view(State state, Viewer viewer) {
        boolean over = outcome(state).isPresent();
        return new View(viewer.isSpectator() ? null : state.secrets().get(viewer.seat()), state.turn(), state.log(),
                state.winner(), over ? state.secrets() : null);
    }

    @Override
    public Optional<Outcome> outcome(State state) {
        if (state.winner() != null) {
            return Optional.of(new Outcome(List.of(state.winner()), "Seat " + state.winner() + " guessed right.",
                    Map.of()));
        }
        return state.guesses() >= state.rounds() * state.secrets().size()
                ? Optional.of(new Outcome(List.of(), "Nobody guessed right.", Map.of()))
                : Optional.empty();
    }

    @Override
    public List<Channel> channels(State state) {
        return state.secrets().size() >= 2 ? List.of(Channel.among("pair", Set.of(0, 1))) : List.of();
    }

    /** Spectators keep quiet while the last seat guesses (so a page can be seen telling them so). */
    @Override
    public boolean spectatorsMayChat(State state) {
        return state.turn() != state.secrets().size() - 1 || awaiting(state).isEmpty();
    }

    @Override
    public Optional<TurnTimer> timer(State state, Options options) {
        return options.turnMillis() == 0 || awaiting(state).isEmpty() ? Optional.empty()
                : Optional.of(new TurnTimer("guess-" + state.guesses(), Duration.ofMillis(options.turnMillis())));
    }

    @Override
    public Optional<Action> bot(State state, int seat, GameRandom random) {
        return Optional.of(new Action.Call(random.nextInt(1000)));
    }
}
