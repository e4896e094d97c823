package io.roundtable.games.loveletter;

import static io.roundtable.games.loveletter.Card.HEIR;
import static io.roundtable.games.loveletter.Card.label;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
import io.roundtable.games.loveletter.LoveLetterAction.Play;
import io.roundtable.games.loveletter.LoveLetterView.Option;

/**
 * Palace Letters, a Love Letter-style round for 2–4 players with a 16-card deck ({@link Card}). One
 * card is set aside face down; each player holds one. On your turn you hold two: play one and do what
 * it says ({@link Plays} says which plays are legal). The round ends when one player is left, or when
 * the deck is empty: then the highest card wins (ties: the higher total face up; then a shared win).
 */
public class LoveLetter implements GameRules<LoveLetterOptions, LoveLetterState, LoveLetterAction> {

    /** The public event of a play: only what everyone saw on the table, never its result. */
    public record Played(int seat, int card, Integer target, Integer guess) {
    }

    @Override public String id() { return "loveletter"; }
    @Override public String title() { return "Palace Letters: guess, peek and duel to be the last one standing"; }
    @Override public LoveLetterOptions defaultOptions() { return LoveLetterOptions.defaults(); }
    @Override public Policy policy(LoveLetterOptions options) { return Policy.fixed(2, 4, options.seatLoss()); }

    @Override
    public List<Rejection> validate(LoveLetterOptions options) {
        if (options.turnSeconds() < 0 || options.turnSeconds() > 3600) {
            return List.of(new Rejection("loveletter/turn_seconds", "A turn lasts 0 (no timer) to 3600 seconds."));
        }
        return options.seatLoss() != Policy.SeatLoss.FREE_SEAT ? List.of()
                : List.of(new Rejection("loveletter/seat_loss", "A round cannot go on with an empty seat."));
    }

    /** Deck shuffled; its first card set aside; one card each; seat 0 draws and plays first. */
    @Override
    public LoveLetterState setup(int players, LoveLetterOptions options, GameRandom random) {
        List<Integer> deck = random.shuffle(Card.deck());
        List<List<Integer>> hands = new ArrayList<>();
        for (int seat = 0; seat < players; seat++) {
            hands.add(seat == 0 ? List.of(deck.get(1), deck.get(1 + players)) : List.of(deck.get(1 + seat)));
        }
        return LoveLetterState.dealt(hands, deck.subList(2 + players, deck.size()), deck.get(0));
    }

    @Override
    public Set<Integer> awaiting(LoveLetterState state) {
        return state.over() ? Set.of() : Set.of(state.turn());
    }

    @Override
    public Decision<LoveLetterState> apply(LoveLetterState state, int seat, LoveLetterAction action, Turn turn) {
        Play play = (Play) action;
        Optional<Rejection> problem = Plays.problem(state, seat, play);
        if (problem.isPresent()) {
            return Decision.reject(problem.get());
        }
        Draft d = new Draft(state);
        d.discard(seat, play.card());
        d.say("Seat " + seat + " plays the " + label(play.card())
                + (play.target() == null ? "" : play.target() == seat ? " on themself" : " on seat " + play.target())
                + (play.guess() == null ? "." : ", naming the " + label(play.guess()) + "."));
        Effects.resolve(d, seat, play);
        endTurn(d, seat);
        return Decision.accept(d.freeze(), new Played(seat, play.card(), play.target(), play.guess()));
    }

    /** One player left or an empty deck ends the round; otherwise the next player in draws. */
    private static void endTurn(Draft d, int seat) {
        List<Integer> standing = d.standing();
        if (standing.size() == 1 || d.deck.isEmpty()) {
            d.turn = -1;
            d.say(standing.size() == 1 ? "Only seat " + standing.get(0) + " is left."
                    : "The deck is empty: every hand still in is shown.");
            return;
        }
        int next = seat;
        do {
            next = (next + 1) % d.hands.size();
        } while (d.out.contains(next));
        d.shielded.remove(next); // a Warden protects until its player's next turn
        d.draw(next);
        d.turn = next;
    }

    @Override
    public Object view(LoveLetterState state, Viewer viewer) {
        boolean onTurn = !state.over() && viewer.is(state.turn());
        List<Option> youMay = onTurn ? Plays.options(state, viewer.seat()) : List.of();
        return LoveLetterView.of(state, viewer, youMay, state.over() ? winners(state) : null);
    }

    /** Every play is made face up: which card, on whom, naming what. */
    @Override
    public Object moveView(LoveLetterState state, int seat, LoveLetterAction action, Viewer viewer) {
        return action;
    }

    /** The plays open to the seat on turn: the same list its view shows as {@code youMay}. */
    @Override
    public Object choices(LoveLetterState state, int seat) {
        return Plays.options(state, seat);
    }

    @Override
    public Optional<Outcome> outcome(LoveLetterState state) {
        if (!state.over()) {
            return Optional.empty();
        }
        Map<Integer, String> revealed = new TreeMap<>();
        for (int seat = 0; seat < state.players(); seat++) {
            revealed.put(seat, state.out().contains(seat) ? "out" : label(state.card(seat)));
        }
        List<Integer> winners = winners(state);
        int first = winners.get(0);
        String summary = state.standing().size() == 1 ? "Seat " + first + " is the last one standing."
                : winners.size() == 1 ? "Showdown: seat " + first + " wins with the " + revealed.get(first) + "."
                : "Showdown: seats " + winners + " share the win.";
        return Optional.of(new Outcome(winners, summary, revealed));
    }

    /** The best hand still in; ties go to the higher total face up, then share the win. */
    static List<Integer> winners(LoveLetterState state) {
        int best = state.standing().stream().mapToInt(s -> score(state, s)).max().orElseThrow();
        return state.standing().stream().filter(s -> score(state, s) == best).toList();
    }

    private static int score(LoveLetterState state, int seat) {
        return state.card(seat) * 100 + state.discardTotal(seat);
    }

    /** Hands (to their holder), the deck and the set-aside card (to nobody), and what each player privately learned. */
    @Override
    public List<Secret> secrets(LoveLetterState state) {
        List<Secret> secrets = new ArrayList<>();
        for (int seat = 0; seat < state.players() && !state.over(); seat++) {
            for (int i = 0; i < state.hands().get(seat).size(); i++) {
                secrets.add(Secret.at("card", "/hands/" + seat + "/" + i).knownTo(seat));
            }
        }
        for (int i = 0; i < state.deck().size(); i++) {
            secrets.add(Secret.at("card", "/deck/" + i));
        }
        if (state.aside() != null && !state.over()) {
            secrets.add(Secret.at("card", "/aside"));
        }
        for (int i = 0; i < state.log().size(); i++) {
            if (state.log().get(i).to() != null) {
                secrets.add(Secret.at("card", "/log/" + i + "/card").knownTo(state.log().get(i).to()));
            }
        }
        return secrets;
    }

    /** A random legal play, keeping the Heir whenever the other card allows. */
    @Override
    public Optional<LoveLetterAction> bot(LoveLetterState state, int seat, GameRandom random) {
        List<Option> options = Plays.options(state, seat);
        List<Option> keepHeir = options.stream().filter(o -> ((Play) o.action()).card() != HEIR).toList();
        Option option = random.pick(keepHeir.isEmpty() ? options : keepHeir);
        Play play = (Play) option.action();
        for (LoveLetterView.Choice choice : option.choose()) {
            int value = random.pick(choice.from());
            play = choice.param().equals("target") ? play.on(value) : play.naming(value);
        }
        return Optional.of(play);
    }

    @Override
    public Optional<TurnTimer> timer(LoveLetterState state, LoveLetterOptions options) {
        return options.turnSeconds() == 0 || state.over() ? Optional.empty()
                : Optional.of(new TurnTimer("turn-" + state.log().size(), Duration.ofSeconds(options.turnSeconds())));
    }
}
