package io.roundtable.games.voice;

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
 * A room for talking: anyone may join or leave at any time, up to {@code maxMembers}. There is no
 * game; the room's voice mesh (ordered participants, mute states, the link matrix) is the point,
 * and that is the framework's, so this module only keeps the table: who sits here, in arrival order.
 */
public final class VoiceRoom implements GameRules<VoiceRoom.Options, VoiceRoom.State, VoiceRoom.Action> {

    /** @param maxMembers people in the room (a WebRTC mesh gets heavy beyond about six) */
    public record Options(Integer maxMembers) {
        public Options {
            maxMembers = maxMembers == null ? 6 : maxMembers;
        }
    }

    /** The seats taken, in the order their members arrived. */
    public record State(List<Integer> seats) {
    }

    /** A voice room has no moves; every action is refused as malformed. */
    public sealed interface Action permits Action.None {
        enum None implements Action { }
    }

    public record View(List<Integer> seats) {
    }

    @Override
    public String id() {
        return "voice";
    }

    @Override
    public String title() {
        return "Voice room: drop in, talk, drop out";
    }




    @Override
    public Options defaultOptions() {
        return new Options(6);
    }

    @Override
    public Policy policy(Options options) {
        return Policy.dynamic(options.maxMembers());
    }

    @Override
    public List<Rejection> validate(Options options) {
        return options.maxMembers() < 2 || options.maxMembers() > 12
                ? List.of(new Rejection("voice/max_members", "A voice room holds 2 to 12 people."))
                : List.of();
    }

    @Override
    public boolean voice() {
        return true;
    }

    @Override
    public State setup(int players, Options options, GameRandom random) {
        return new State(List.of());
    }

    @Override
    public State onJoin(State state, int seat) {
        List<Integer> seats = new ArrayList<>(state.seats());
        seats.add(seat);
        return new State(seats);
    }

    @Override
    public State onLeave(State state, int seat) {
        List<Integer> seats = new ArrayList<>(state.seats());
        seats.remove(Integer.valueOf(seat));
        return new State(seats);
    }

    @Override
    public Set<Integer> awaiting(State state) {
        return Set.of();
    }

    @Override
    public Decision<State> apply(State state, int seat, Action action, Turn turn) {
        return Decision.reject("voice/no_moves", "A voice room has no moves; just talk.");
    }

    @Override
    public View view(State state, Viewer viewer) {
        return new View(state.seats());
    }

    @Override
    public Optional<Outcome> outcome(State state) {
        return Optional.empty();
    }
}
