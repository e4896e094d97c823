package ${package};

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import ${package}.OddOrEvenAction.Pick;

import io.roundtable.core.spi.Choice;
import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.GameRules;
import io.roundtable.core.spi.Outcome;
import io.roundtable.core.spi.Param;
import io.roundtable.core.spi.Policy;
import io.roundtable.core.spi.Rejection;
import io.roundtable.core.spi.Secret;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.Viewer;

/**
 * Odd or Even, the smallest hidden-information game: two players each pick 1 to 5 in secret, at
 * the same time. Once both have picked, both picks are shown; an odd sum wins for seat 0 (Odd), an
 * even sum for seat 1 (Even). Replace it with your game (see README.md).
 */
public class OddOrEven implements GameRules<OddOrEvenOptions, OddOrEvenState, OddOrEvenAction> {
    static final List<Integer> NUMBERS = List.of(1, 2, 3, 4, 5);

    /** The public event of a pick: who picked, never what. */
    public record Picked(int seat) {
    }

    @Override
    public String id() {
        return "oddeven"; // stable: rooms, logs and rejection codes use it
    }

    @Override
    public String title() {
        return "Odd or Even: pick a number in secret";
    }

    @Override
    public OddOrEvenOptions defaultOptions() {
        return OddOrEvenOptions.defaults();
    }

    @Override
    public Policy policy(OddOrEvenOptions options) {
        return Policy.fixed(2, 2, options.seatLoss());
    }

    @Override
    public List<Rejection> validate(OddOrEvenOptions options) {
        return options.seatLoss() == Policy.SeatLoss.FREE_SEAT
                ? List.of(new Rejection("oddeven/seat_loss", "Odd or Even needs both seats until the end."))
                : List.of();
    }

    @Override
    public OddOrEvenState setup(int players, OddOrEvenOptions options, GameRandom random) {
        return new OddOrEvenState(Collections.nCopies(players, null));
    }

    /** Both seats at once, each until it has picked: the framework refuses anyone else. */
    @Override
    public Set<Integer> awaiting(OddOrEvenState state) {
        Set<Integer> waiting = new TreeSet<>();
        for (int seat = 0; seat < state.picks().size(); seat++) {
            if (state.picks().get(seat) == null) {
                waiting.add(seat);
            }
        }
        return waiting;
    }

    /** The one rule: a pick is a number from 1 to 5. */
    @Override
    public Decision<OddOrEvenState> apply(OddOrEvenState state, int seat, OddOrEvenAction action, Turn turn) {
        Pick pick = (Pick) action;
        if (!NUMBERS.contains(pick.number())) {
            return Decision.reject("oddeven/out_of_range", "Pick a number from 1 to 5.");
        }
        return Decision.accept(state.pickedBy(seat, pick.number()), new Picked(seat));
    }

    /** Built for each viewer from scratch: your own pick; everyone's only at the end. */
    @Override
    public Object view(OddOrEvenState state, Viewer viewer) {
        boolean over = state.over();
        List<Boolean> picked = new ArrayList<>();
        state.picks().forEach(p -> picked.add(p != null));
        Integer mine = viewer.isSpectator() ? null : state.picks().get(viewer.seat());
        List<Choice> youMay = !viewer.isSpectator() && mine == null
                ? List.of(Choice.of("pick", "Pick", Param.oneOf("number", "Your number", NUMBERS))) : List.of();
        return new OddOrEvenView(viewer.isSpectator() ? null : viewer.seat(), picked, mine,
                over ? state.picks() : null, over ? state.sum() : null, over ? winner(state) : null, youMay);
    }

    /** The view's winner is a seat: the browser's generic table names it ("seat 1 (Ann)"). */
    @Override
    public List<String> seatFields() {
        return List.of("/winner");
    }

    /** Replays and the archive show a pick to its own seat only; everyone else learns that a pick was made. */
    @Override
    public Object moveView(OddOrEvenState state, int seat, OddOrEvenAction action, Viewer viewer) {
        return viewer.is(seat) ? action : GameRules.kindOnly(action);
    }

    @Override
    public Optional<Outcome> outcome(OddOrEvenState state) {
        if (!state.over()) {
            return Optional.empty();
        }
        int winner = winner(state);
        return Optional.of(new Outcome(List.of(winner),
                (winner == 0 ? "Odd" : "Even") + " wins: the picks add up to " + state.sum() + ".",
                Map.of(0, "picked " + state.picks().get(0), 1, "picked " + state.picks().get(1))));
    }

    private static int winner(OddOrEvenState state) {
        return state.sum() % 2 == 1 ? 0 : 1;
    }

    /** A pick is known to its seat alone until the end; the alternatives catch a leaked sum or parity. */
    @Override
    public List<Secret> secrets(OddOrEvenState state) {
        List<Secret> secrets = new ArrayList<>();
        for (int seat = 0; seat < state.picks().size() && !state.over(); seat++) {
            if (state.picks().get(seat) != null) {
                secrets.add(Secret.at("pick", "/picks/" + seat).knownTo(seat).alternatives(NUMBERS.toArray()));
            }
        }
        return secrets;
    }

    /** A random legal pick. */
    @Override
    public Optional<OddOrEvenAction> bot(OddOrEvenState state, int seat, GameRandom random) {
        return Optional.of(OddOrEvenAction.pick(random.pick(NUMBERS)));
    }
}
