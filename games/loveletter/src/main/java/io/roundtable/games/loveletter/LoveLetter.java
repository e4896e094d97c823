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
 * Palace Letters, a Love Letter-style match for 2–4 players with a 16-card deck ({@link Card}). In each
 * round one card is set aside face down; each player holds one. On your turn you hold two: play one and
 * do what it says ({@link Plays} says which plays are legal). The round ends when one player is left, or
 * when the deck is empty: then the highest card wins (ties: the higher total face up; then a shared win).
 * The round's winner gets a favour token and starts the next round; the first to the goal wins the match
 * ({@link Rounds}).
 */
public class LoveLetter implements GameRules<LoveLetterOptions, LoveLetterState, LoveLetterAction> {

    /** The public event of a play: only what everyone saw on the table, never its result. */
    public record Played(int seat, int card, Integer target, Integer guess) {
    }

    @Override public String id() { return "loveletter"; }
    @Override public String title() { return "Palace Letters: guess, peek and duel to win the favour tokens"; }
    @Override public LoveLetterOptions defaultOptions() { return LoveLetterOptions.defaults(); }
    @Override public Policy policy(LoveLetterOptions options) { return Policy.fixed(2, 4, options.seatLoss()); }

    @Override
    public List<Rejection> validate(LoveLetterOptions options) {
        if (options.turnSeconds() < 0 || options.turnSeconds() > 3600) {
            return List.of(new Rejection("loveletter/turn_seconds", "A turn lasts 0 (no timer) to 3600 seconds."));
        }
        if (options.tokensToWin() != null && (options.tokensToWin() < 1 || options.tokensToWin() > 7)) {
            return List.of(new Rejection("loveletter/tokens_to_win", "A match is won with 1 to 7 favour tokens "
                    + "(left out: 7 for two players, 5 for three, 4 for four)."));
        }
        return options.seatLoss() != Policy.SeatLoss.FREE_SEAT ? List.of()
                : List.of(new Rejection("loveletter/seat_loss", "A round cannot go on with an empty seat."));
    }

    /** The first round: seat 0 draws and plays first. */
    @Override
    public LoveLetterState setup(int players, LoveLetterOptions options, GameRandom random) {
        Match match = Match.first(players, Match.goalFor(players, options.tokensToWin()));
        return Rounds.deal(random.shuffle(Card.deck()), players, 0, match, List.of());
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
        d.say("Seat " + (seat + 1) + " plays the " + label(play.card())
                + (play.target() == null ? "" : play.target() == seat ? " on themself" : " on " + Rounds.seat(play.target()))
                + (play.guess() == null ? "." : ", naming the " + label(play.guess()) + "."));
        Effects.resolve(d, seat, play);
        boolean roundOver = endTurn(d, seat);
        LoveLetterState next = roundOver ? Rounds.next(d.freeze(), turn.random()) : d.freeze();
        return Decision.accept(next, new Played(seat, play.card(), play.target(), play.guess()));
    }

    /** One player left or an empty deck ends the round (returns true); otherwise the next player in draws. */
    private static boolean endTurn(Draft d, int seat) {
        List<Integer> standing = d.standing();
        if (standing.size() == 1 || d.deck.isEmpty()) {
            d.turn = -1;
            d.say(standing.size() == 1 ? "Only " + Rounds.seat(standing.get(0)) + " is left."
                    : "The deck is empty: every hand still in is shown.");
            return true;
        }
        int next = seat;
        do {
            next = (next + 1) % d.hands.size();
        } while (d.out.contains(next));
        d.shielded.remove(next); // a Warden protects until its player's next turn
        d.draw(next);
        d.turn = next;
        return false;
    }

    @Override
    public Object view(LoveLetterState state, Viewer viewer) {
        boolean onTurn = !state.over() && viewer.is(state.turn());
        List<Option> youMay = onTurn ? Plays.options(state, viewer.seat()) : List.of();
        return LoveLetterView.of(state, viewer, youMay, state.over() ? state.match().champions() : null);
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

    /** The match is over: its winners, and each seat's tokens and last hand. */
    @Override
    public Optional<Outcome> outcome(LoveLetterState state) {
        if (!state.over()) {
            return Optional.empty();
        }
        Map<Integer, String> revealed = new TreeMap<>();
        for (int seat = 0; seat < state.players(); seat++) {
            revealed.put(seat, Rounds.tokens(state.match().tokens().get(seat)) + ", "
                    + (state.out().contains(seat) ? "out" : label(state.card(seat))));
        }
        return Optional.of(new Outcome(state.match().champions(), Rounds.matchSummary(state.match()), revealed));
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
