package io.roundtable.sample.highcard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import io.roundtable.core.spi.Channel;
import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.GameRandom;
import io.roundtable.core.spi.GameRules;
import io.roundtable.core.spi.Outcome;
import io.roundtable.core.spi.Policy;
import io.roundtable.core.spi.Rejection;
import io.roundtable.core.spi.Secret;
import io.roundtable.core.spi.Turn;
import io.roundtable.core.spi.TurnTimer;
import io.roundtable.core.spi.Viewer;
import io.roundtable.sample.highcard.HighCardAction.Bet;
import io.roundtable.sample.highcard.HighCardAction.Swap;
import io.roundtable.sample.highcard.HighCardView.SeatView;

/**
 * HighCard, the testkit's sample game (2–4 players). Each seat is dealt one hidden card from a
 * shuffled deck 1…12. In seat order, each seat keeps its card or swaps it for the next card of the
 * deck. Then everyone bets at once and in secret: {@code high} stays in, {@code low} folds. The
 * highest card still in wins; everything is shown at the end. Seats of even and odd number share a
 * team channel.
 */
public class HighCard implements GameRules<HighCardOptions, HighCardState, HighCardAction> {
    static final List<String> CALLS = List.of("high", "low");

    @Override
    public String id() {
        return "highcard";
    }

    @Override
    public String title() {
        return "HighCard: keep or swap, then bet high or fold";
    }

    @Override
    public HighCardOptions defaultOptions() {
        return HighCardOptions.defaults();
    }

    @Override
    public Policy policy(HighCardOptions options) {
        return Policy.fixed(2, 4, options.seatLoss());
    }

    @Override
    public List<Rejection> validate(HighCardOptions options) {
        if (options.turnSeconds() < 0 || options.turnSeconds() > 3600) {
            return List.of(new Rejection("highcard/turn_seconds", "A turn lasts 0 (no timer) to 3600 seconds."));
        }
        if (options.seatLoss() == Policy.SeatLoss.FREE_SEAT) {
            return List.of(new Rejection("highcard/seat_loss", "HighCard cannot free a seat during play."));
        }
        return List.of();
    }

    @Override
    public HighCardState setup(int players, HighCardOptions options, GameRandom random) {
        List<Integer> deck = random.shuffle(IntStream.rangeClosed(1, 12).boxed().toList());
        return new HighCardState(deck.subList(0, players), deck.subList(players, deck.size()),
                Collections.nCopies(players, null), Collections.nCopies(players, null), 0);
    }

    @Override
    public Set<Integer> awaiting(HighCardState state) {
        if (!state.betting()) {
            return Set.of(state.turn());
        }
        Set<Integer> waiting = new TreeSet<>();
        for (int seat = 0; seat < state.players(); seat++) {
            if (state.bets().get(seat) == null) {
                waiting.add(seat);
            }
        }
        return waiting;
    }

    @Override
    public Decision<HighCardState> apply(HighCardState state, int seat, HighCardAction action, Turn turn) {
        if (action instanceof Bet bet) {
            if (!state.betting()) {
                return Decision.reject("highcard/not_betting_yet", "Bets open once every seat has kept or swapped.");
            }
            if (!CALLS.contains(bet.call())) {
                return Decision.reject("highcard/unknown_bet", "A bet is \"high\" (stay in) or \"low\" (fold).");
            }
            return Decision.accept(state.betBy(seat, bet.call()), new Event("bet", seat));
        }
        if (state.betting()) {
            return Decision.reject("highcard/betting_now", "Keeping and swapping are over; place your bet.");
        }
        boolean swap = action instanceof Swap;
        HighCardState next = (swap ? state.swappedBy(seat) : state)
                .withTurn(seat + 1 < state.players() ? seat + 1 : -1);
        return Decision.accept(next, new Event(swap ? "swap" : "keep", seat));
    }

    /** A public event: who did what, never which card or which bet. */
    public record Event(String what, int seat) {
    }

    @Override
    public Object view(HighCardState state, Viewer viewer) {
        boolean over = state.over();
        List<SeatView> seats = new ArrayList<>();
        for (int seat = 0; seat < state.players(); seat++) {
            boolean sees = over || viewer.is(seat);
            seats.add(new SeatView(seat, sees ? state.hands().get(seat) : null, state.swapped(seat),
                    sees ? state.discards().get(seat) : null, state.bets().get(seat) != null,
                    sees ? state.bets().get(seat) : null));
        }
        String step = over ? "over" : state.betting() ? "bet" : "swap";
        return new HighCardView(viewer.isSpectator() ? null : viewer.seat(), step,
                state.betting() ? null : state.turn(), state.deck().size(), seats, over ? winner(state) : null);
    }

    /** Keeping and swapping are seen by all; a bet only by its seat. */
    @Override
    public Object moveView(HighCardState state, int seat, HighCardAction action, Viewer viewer) {
        return action instanceof Bet && !viewer.is(seat) ? GameRules.kindOnly(action) : action;
    }

    @Override
    public Optional<Outcome> outcome(HighCardState state) {
        if (!state.over()) {
            return Optional.empty();
        }
        Map<Integer, String> revealed = new TreeMap<>();
        for (int seat = 0; seat < state.players(); seat++) {
            revealed.put(seat, "card " + state.hands().get(seat) + ", " + state.bets().get(seat));
        }
        Integer winner = winner(state);
        return Optional.of(winner == null
                ? new Outcome(List.of(), "Everyone folded: nobody wins.", revealed)
                : new Outcome(List.of(winner), "Seat " + winner + " wins with " + state.hands().get(winner) + ".",
                        revealed));
    }

    /** The highest card among the seats that bet high; null when everyone folded. */
    private static Integer winner(HighCardState state) {
        Integer best = null;
        for (int seat = 0; seat < state.players(); seat++) {
            if ("high".equals(state.bets().get(seat))
                    && (best == null || state.hands().get(seat) > state.hands().get(best))) {
                best = seat;
            }
        }
        return best;
    }

    @Override
    public List<Channel> channels(HighCardState state) {
        Set<Integer> even = new TreeSet<>();
        Set<Integer> odd = new TreeSet<>();
        for (int seat = 0; seat < state.players(); seat++) {
            (seat % 2 == 0 ? even : odd).add(seat);
        }
        return List.of(Channel.among("even", even), Channel.among("odd", odd));
    }

    @Override
    public List<Secret> secrets(HighCardState state) {
        List<Secret> secrets = new ArrayList<>();
        boolean over = state.over();
        for (int seat = 0; seat < state.players() && !over; seat++) {
            secrets.add(Secret.at("card", "/hands/" + seat).knownTo(seat));
            if (state.swapped(seat)) {
                secrets.add(Secret.at("card", "/discards/" + seat).knownTo(seat));
            }
            if (state.bets().get(seat) != null) {
                secrets.add(Secret.at("bet", "/bets/" + seat).knownTo(seat).alternatives(CALLS.toArray()));
            }
        }
        for (int i = 0; i < state.deck().size(); i++) {
            secrets.add(Secret.at("card", "/deck/" + i));
        }
        return secrets;
    }

    /** A random legal move. */
    @Override
    public Optional<HighCardAction> bot(HighCardState state, int seat, GameRandom random) {
        if (state.betting()) {
            return Optional.of(HighCardAction.bet(random.pick(CALLS)));
        }
        return Optional.of(random.nextBoolean() ? HighCardAction.swap() : HighCardAction.keep());
    }

    /** Whoever runs out of time keeps their card, or folds. */
    @Override
    public Optional<HighCardAction> onTimeout(HighCardState state, int seat, GameRandom random) {
        return Optional.of(state.betting() ? HighCardAction.bet("low") : HighCardAction.keep());
    }

    @Override
    public Optional<TurnTimer> timer(HighCardState state, HighCardOptions options) {
        if (options.turnSeconds() == 0 || state.over()) {
            return Optional.empty();
        }
        String step = state.betting() ? "bets" : "turn-" + state.turn();
        return Optional.of(new TurnTimer(step, Duration.ofSeconds(options.turnSeconds())));
    }

    /** Spectators keep quiet while bets are being placed. */
    @Override
    public boolean spectatorsMayChat(HighCardState state) {
        return !state.betting() || state.over();
    }
}
