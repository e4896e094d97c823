package io.roundtable.sample.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.GameRules;
import io.roundtable.core.spi.Outcome;
import io.roundtable.core.spi.Policy;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.Viewer;

/**
 * Draft, the testkit's sample of simultaneous moves that touch each other: in each of two rounds every
 * seat takes one letter from a shared pool, all at once. A letter taken is gone for the others, so a
 * seat's choices change while it is still awaited. Nothing is hidden.
 */
public class Draft implements GameRules<Draft.Options, Draft.State, Draft.Take> {
    static final List<String> LETTERS = List.of("A", "B", "C", "D", "E", "F", "G", "H");
    static final int ROUNDS = 2;

    public record Options(int players) {
    }

    /** @param taken each seat's letters; @param round 1 or 2 (3: over) */
    public record State(List<String> pool, List<List<String>> taken, int round) {
        public State {
            pool = List.copyOf(pool);
            taken = taken.stream().map(List::copyOf).toList();
        }
    }

    public record Take(String letter) {
    }

    @Override
    public String id() {
        return "draft";
    }

    @Override
    public Options defaultOptions() {
        return new Options(3);
    }

    @Override
    public Policy policy(Options options) {
        return Policy.fixed(2, 4, Policy.SeatLoss.BOT);
    }

    @Override
    public State setup(int players, Options options, GameRandom random) {
        List<List<String>> taken = new ArrayList<>();
        for (int seat = 0; seat < players; seat++) {
            taken.add(List.of());
        }
        return new State(LETTERS, taken, 1);
    }

    @Override
    public Set<Integer> awaiting(State state) {
        Set<Integer> waiting = new TreeSet<>();
        for (int seat = 0; seat < state.taken().size() && state.round() <= ROUNDS; seat++) {
            if (state.taken().get(seat).size() < state.round()) {
                waiting.add(seat);
            }
        }
        return waiting;
    }

    @Override
    public Decision<State> apply(State state, int seat, Take take, Turn turn) {
        if (!state.pool().contains(take.letter())) {
            return Decision.reject("draft/gone", "That letter is not in the pool.");
        }
        List<String> pool = new ArrayList<>(state.pool());
        pool.remove(take.letter());
        List<List<String>> taken = new ArrayList<>(state.taken());
        List<String> mine = new ArrayList<>(taken.get(seat));
        mine.add(take.letter());
        taken.set(seat, mine);
        State next = new State(pool, taken, state.round());
        return Decision.accept(awaiting(next).isEmpty() ? new State(pool, taken, state.round() + 1) : next);
    }

    @Override
    public Object view(State state, Viewer viewer) {
        return state;
    }

    /** Every take is public. */
    @Override
    public Object moveView(State state, int seat, Take take, Viewer viewer) {
        return take;
    }

    /** The letters still in the pool: they shrink while the seat waits its turn. */
    @Override
    public Object choices(State state, int seat) {
        return state.pool();
    }

    @Override
    public Optional<Outcome> outcome(State state) {
        return state.round() > ROUNDS ? Optional.of(new Outcome(List.of(), "The pool is drafted.", Map.of()))
                : Optional.empty();
    }

    @Override
    public Optional<Take> bot(State state, int seat, GameRandom random) {
        return Optional.of(new Take(random.pick(state.pool())));
    }
}
