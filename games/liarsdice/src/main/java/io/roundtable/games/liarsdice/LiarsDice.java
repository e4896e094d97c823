package io.roundtable.games.liarsdice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import io.roundtable.games.liarsdice.LiarsDiceAction.Bid;
import io.roundtable.games.liarsdice.LiarsDiceState.Call;
import io.roundtable.games.liarsdice.LiarsDiceState.Standing;

/**
 * Liar's Dice, 2 to 6 players, written from the docs and played in the browser through the generic
 * table. Everyone rolls their dice under a cup and sees only their own. In turn, each player raises
 * the bid — "at least 3 dice on the table show a 4", ones counting for every face — or calls the last
 * bid a lie. Then every die is shown: if the bid was short, the bidder loses a die, otherwise the
 * caller does; everyone rolls again and the loser opens the next round. The last player with dice wins.
 */
public class LiarsDice implements GameRules<LiarsDiceOptions, LiarsDiceState, LiarsDiceAction> {
    static final List<Integer> FACES = List.of(2, 3, 4, 5, 6);

    /** The public event of a bid. */
    public record BidMade(int seat, int count, int face) {
    }

    /**
     * The public event of a call: who called. What the dice showed is in the views of the state after it
     * ({@code lastCall}, {@code shownDice}), never in the event, which may carry only what was public before.
     */
    public record Called(int caller) {
    }

    @Override
    public String id() {
        return "liarsdice";
    }

    @Override
    public String title() {
        return "Liar's Dice: bid on the dice under everyone's cups";
    }

    @Override
    public LiarsDiceOptions defaultOptions() {
        return LiarsDiceOptions.defaults();
    }

    @Override
    public Policy policy(LiarsDiceOptions options) {
        return Policy.fixed(2, 6, options.seatLoss());
    }

    @Override
    public List<Rejection> validate(LiarsDiceOptions options) {
        List<Rejection> problems = new ArrayList<>();
        if (options.dice() < 1 || options.dice() > 6) {
            problems.add(new Rejection("liarsdice/dice", "Each player starts with 1 to 6 dice."));
        }
        if (options.seatLoss() == Policy.SeatLoss.FREE_SEAT) {
            problems.add(new Rejection("liarsdice/seat_loss", "Liar's Dice keeps every seat until the end."));
        }
        return problems;
    }

    @Override
    public LiarsDiceState setup(int players, LiarsDiceOptions options, GameRandom random) {
        List<List<Integer>> dice = new ArrayList<>();
        for (int seat = 0; seat < players; seat++) {
            dice.add(roll(options.dice(), random));
        }
        return new LiarsDiceState(dice, 0, null, null);
    }

    private static List<Integer> roll(int count, GameRandom random) {
        List<Integer> dice = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dice.add(1 + random.nextInt(6));
        }
        return dice;
    }

    @Override
    public Set<Integer> awaiting(LiarsDiceState state) {
        return state.over() ? Set.of() : Set.of(state.turn());
    }

    @Override
    public Decision<LiarsDiceState> apply(LiarsDiceState state, int seat, LiarsDiceAction action, Turn turn) {
        return action instanceof Bid bid ? bid(state, seat, bid) : call(state, seat, turn.random());
    }

    /** A bid names a face from 2 to 6 and raises the last one: more dice, or as many of a higher face. */
    private static Decision<LiarsDiceState> bid(LiarsDiceState state, int seat, Bid bid) {
        if (!FACES.contains(bid.face())) {
            return Decision.reject("liarsdice/face", "Bid on a face from 2 to 6: ones are wild.");
        }
        if (bid.count() < 1 || bid.count() > state.diceOnTable()) {
            return Decision.reject("liarsdice/count", "Bid 1 to " + state.diceOnTable() + " dice: that many are on the table.");
        }
        Standing last = state.bid();
        if (last != null && !(bid.count() > last.count() || bid.count() == last.count() && bid.face() > last.face())) {
            return Decision.reject("liarsdice/too_low", "Raise the bid: more dice, or as many of a higher face.");
        }
        Standing standing = new Standing(seat, bid.count(), bid.face());
        return Decision.accept(new LiarsDiceState(state.dice(), state.nextAfter(seat), standing, state.lastCall()),
                new BidMade(seat, bid.count(), bid.face()));
    }

    /** Calling shows every die: a short bid costs the bidder a die, a good one the caller. Then all roll again. */
    private static Decision<LiarsDiceState> call(LiarsDiceState state, int seat, GameRandom random) {
        Standing bid = state.bid();
        if (bid == null) {
            return Decision.reject("liarsdice/no_bid", "There is no bid to call yet: open with one.");
        }
        int found = state.showing(bid.face());
        int loser = found >= bid.count() ? seat : bid.seat();
        List<List<Integer>> next = new ArrayList<>();
        for (int s = 0; s < state.players(); s++) {
            int left = state.dice().get(s).size() - (s == loser ? 1 : 0);
            next.add(roll(left, random));
        }
        // The loser opens the next round; out of dice, the next seat that still has some does.
        LiarsDiceState rolled = new LiarsDiceState(next, loser, null, new Call(seat, bid, state.dice(), found, loser));
        return Decision.accept(rolled.in(loser) ? rolled : rolled.withTurn(rolled.nextAfter(loser)), new Called(seat));
    }

    /** Built for each viewer from scratch: your own dice, everyone's dice counts, the bid, the last call. */
    /** Where the view holds seats, for the generic table to name them. */
    @Override
    public List<String> seatFields() {
        return List.of("/turn", "/winner", "/bid/seat");
    }

    @Override
    public LiarsDiceView view(LiarsDiceState state, Viewer viewer) {
        boolean over = state.over();
        Integer you = viewer.isSpectator() ? null : viewer.seat();
        List<Integer> diceLeft = state.dice().stream().map(List::size).toList();
        Call call = state.lastCall();
        return new LiarsDiceView(you, you == null || over ? null : state.dice().get(you), diceLeft,
                over ? null : state.turn(), state.bid(), call == null ? null : sentence(call),
                call == null ? null : call.shown().stream().map(LiarsDice::faces).toList(),
                over ? state.standing().get(0) : null, you == null ? List.of() : youMay(state, you));
    }

    private static String faces(List<Integer> dice) {
        return dice.isEmpty() ? "out" : String.join(" ", dice.stream().map(String::valueOf).toList());
    }

    /** Sentences count seats as people do, from 1 (the view's seat numbers are indexes from 0). */
    private static String sentence(Call call) {
        Standing bid = call.bid();
        return "Seat " + (call.caller() + 1) + " called seat " + (bid.seat() + 1) + "'s bid of " + bid.count() + " × "
                + bid.face() + ": there were " + call.found() + ". Seat " + (call.loser() + 1) + " loses a die.";
    }

    /** On your turn: raise (the pickers offer what may be legal; apply decides), or call the bid. */
    static List<Choice> youMay(LiarsDiceState state, int seat) {
        if (state.over() || state.turn() != seat) {
            return List.of();
        }
        Standing bid = state.bid();
        int least = bid == null ? 1 : bid.face() == 6 ? bid.count() + 1 : bid.count();
        List<Choice> choices = new ArrayList<>();
        if (least <= state.diceOnTable()) {
            choices.add(Choice.of("bid", "Bid", Param.number("count", "How many dice", least, state.diceOnTable()),
                    Param.oneOf("face", "Showing", FACES)));
        }
        if (bid != null) {
            choices.add(Choice.of("liar", "Call liar"));
        }
        return choices;
    }

    @Override
    public Object choices(LiarsDiceState state, int seat) {
        return youMay(state, seat);
    }

    /** Bids and calls are made in the open. */
    @Override
    public Object moveView(LiarsDiceState state, int seat, LiarsDiceAction action, Viewer viewer) {
        return action;
    }

    @Override
    public Optional<Outcome> outcome(LiarsDiceState state) {
        if (!state.over()) {
            return Optional.empty();
        }
        int winner = state.standing().get(0);
        return Optional.of(new Outcome(List.of(winner), "Seat " + (winner + 1) + " is the last one with dice.", Map.of()));
    }

    /** Each die under a cup is known to its seat alone. */
    @Override
    public List<Secret> secrets(LiarsDiceState state) {
        List<Secret> secrets = new ArrayList<>();
        for (int seat = 0; seat < state.players() && !state.over(); seat++) {
            for (int i = 0; i < state.dice().get(seat).size(); i++) {
                secrets.add(Secret.at("die", "/dice/" + seat + "/" + i).knownTo(seat).alternatives(1, 2, 3, 4, 5, 6));
            }
        }
        return secrets;
    }

    /**
     * A plain bot: it calls a bid that its own dice and the odds make unlikely (each other die shows the
     * face or a one a third of the time), and otherwise raises on the face it holds most of.
     */
    @Override
    public Optional<LiarsDiceAction> bot(LiarsDiceState state, int seat, GameRandom random) {
        List<Integer> mine = state.dice().get(seat);
        int others = state.diceOnTable() - mine.size();
        Standing bid = state.bid();
        if (bid != null) {
            long held = mine.stream().filter(d -> d == bid.face() || d == 1).count();
            if (bid.count() > held + others / 3.0 + 0.5 || youMay(state, seat).size() == 1) {
                return Optional.of(LiarsDiceAction.liar());
            }
        }
        int face = FACES.stream().max((a, b) -> Long.compare(count(mine, a), count(mine, b))).orElse(2);
        if (random.nextInt(4) == 0) {
            face = random.pick(FACES);
        }
        int least = bid == null ? 1 : face > bid.face() ? bid.count() : bid.count() + 1;
        if (least > state.diceOnTable()) {
            return Optional.of(LiarsDiceAction.liar());
        }
        return Optional.of(LiarsDiceAction.bid(least, face));
    }

    private static long count(List<Integer> dice, int face) {
        return dice.stream().filter(d -> d == face || d == 1).count();
    }
}
