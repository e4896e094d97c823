package io.roundtable.games.avalon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

/**
 * The Resistance: Avalon, as Roundtable's reference game. The flow lives in {@link Moves}, the
 * night in {@link Visibility}, what each viewer sees in {@link Views}, secrets in {@link Secrets}
 * and bots in {@link Bots}; this class wires them to the rules SPI.
 */
public class Avalon implements GameRules<AvalonOptions, AvalonState, AvalonAction> {
    public static final String ID = "avalon";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Avalon: loyal servants of Arthur against the minions of Mordred (5 to 10 players)";
    }

    @Override
    public AvalonOptions defaultOptions() {
        return AvalonOptions.defaults();
    }

    @Override
    public Policy policy(AvalonOptions options) {
        int players = Math.max(Counts.MIN_PLAYERS, Math.min(Counts.MAX_PLAYERS, options.players()));
        return Policy.fixed(players, players, Policy.SeatLoss.BOT);
    }

    @Override
    public List<Rejection> validate(AvalonOptions options) {
        return OptionsCheck.problems(options);
    }

    /** Deals the roles, then draws the first leader; both from the match's random source. */
    @Override
    public AvalonState setup(int players, AvalonOptions options, GameRandom random) {
        if (players != options.players()) {
            throw new IllegalArgumentException("these options are for " + options.players() + " players, not " + players);
        }
        List<Role> roles = random.shuffle(RoleSets.deck(options));
        return AvalonState.dealt(options, roles, random.nextInt(players));
    }

    @Override
    public Set<Integer> awaiting(AvalonState state) {
        return state.awaiting();
    }

    @Override
    public Decision<AvalonState> apply(AvalonState state, int seat, AvalonAction action, Turn turn) {
        Stage stage = state.stage();
        if (action instanceof AvalonAction.Propose propose) {
            return stage == Stage.PROPOSE ? Moves.propose(state, seat, propose.team())
                    : Refusals.wrongStep(state, "propose a team");
        } else if (action instanceof AvalonAction.CastVote vote) {
            return stage == Stage.VOTE ? Moves.vote(state, seat, vote.vote()) : Refusals.wrongStep(state, "vote");
        } else if (action instanceof AvalonAction.PlayCard card) {
            return stage == Stage.QUEST ? Moves.play(state, seat, card.card())
                    : Refusals.wrongStep(state, "play a quest card");
        } else if (action instanceof AvalonAction.Examine examine) {
            return stage == Stage.LADY ? Moves.examine(state, seat, examine.target())
                    : Refusals.wrongStep(state, "use the Lady of the Lake");
        } else if (action instanceof AvalonAction.Assassinate assassinate) {
            return stage == Stage.ASSASSINATE ? Moves.assassinate(state, seat, assassinate.target())
                    : Refusals.wrongStep(state, "name Merlin");
        }
        throw new IllegalArgumentException("unknown action " + action);
    }

    @Override
    public Object view(AvalonState state, Viewer viewer) {
        return Views.of(state, viewer);
    }

    /**
     * Proposals, Lady uses and the assassination are made in the open; a vote and a quest card are known
     * to their player alone (votes are shown together once all are in; a quest card never is).
     */
    @Override
    public Object moveView(AvalonState state, int seat, AvalonAction action, Viewer viewer) {
        boolean secret = action instanceof AvalonAction.CastVote || action instanceof AvalonAction.PlayCard;
        return secret && !viewer.is(seat) ? GameRules.kindOnly(action) : action;
    }

    /** What the seat may do now: the same list its view shows as {@code youMay}. */
    @Override
    public Object choices(AvalonState state, int seat) {
        return Views.choices(state, seat);
    }

    @Override
    public Optional<Outcome> outcome(AvalonState state) {
        if (!state.over()) {
            return Optional.empty();
        }
        Map<Integer, String> revealed = new HashMap<>();
        List<Integer> winners = new ArrayList<>();
        for (int seat = 0; seat < state.players(); seat++) {
            revealed.put(seat, state.roles().get(seat).id());
            if (state.loyalty(seat) == state.winner()) {
                winners.add(seat);
            }
        }
        return Optional.of(new Outcome(winners, Views.ending(state), revealed));
    }

    /** With {@code evilChannel}, the evil players who see each other (everyone evil but Oberon) share "evil". */
    @Override
    public List<Channel> channels(AvalonState state) {
        if (!state.options().evilChannel() || state.over()) {
            return List.of();
        }
        Set<Integer> evil = new TreeSet<>();
        for (int seat = 0; seat < state.players(); seat++) {
            Role role = state.roles().get(seat);
            if (role.isEvil() && role != Role.OBERON) {
                evil.add(seat);
            }
        }
        return evil.isEmpty() ? List.of() : List.of(Channel.among("evil", evil));
    }

    @Override
    public List<Secret> secrets(AvalonState state) {
        return Secrets.of(state);
    }

    @Override
    public Optional<AvalonAction> bot(AvalonState state, int seat, GameRandom random) {
        if (!state.awaiting().contains(seat)) {
            return Optional.empty();
        }
        boolean heuristic = AvalonOptions.HEURISTIC.equals(state.options().botStrategy());
        return Optional.of(heuristic ? Bots.heuristic(state, seat, random) : Bots.random(state, seat, random));
    }

    /** One timer per step; the step name changes with every new proposal, vote, quest and Lady use. */
    @Override
    public Optional<TurnTimer> timer(AvalonState state, AvalonOptions options) {
        int seconds = options.timers().seconds(state.stage());
        if (seconds <= 0 || state.over()) {
            return Optional.empty();
        }
        String step = switch (state.stage()) {
            case PROPOSE, VOTE -> state.stage().id() + "-q" + state.questNumber() + "-p" + (state.rejections() + 1);
            case QUEST -> "quest-q" + state.questNumber();
            default -> state.stage().id() + "-after-q" + state.quests().size();
        };
        return Optional.of(new TurnTimer(step, Duration.ofSeconds(seconds)));
    }

    /** When time runs out: a random valid team with the leader on it, approve, success, a random Lady target or victim. */
    @Override
    public Optional<AvalonAction> onTimeout(AvalonState state, int seat, GameRandom random) {
        return state.awaiting().contains(seat) ? Optional.of(Bots.timeout(state, seat, random)) : Optional.empty();
    }

    /** Spectators stay quiet while the Assassin decides. */
    @Override
    public boolean spectatorsMayChat(AvalonState state) {
        return state.stage() != Stage.ASSASSINATE;
    }
}
