package io.roundtable.games.avalon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.spi.Rejection;
import io.roundtable.testkit.GameScenario;

/** Avalon verbs on top of the testkit's {@link GameScenario}: propose, vote, go on a quest. */
final class Tabletop {
    final GameScenario<AvalonOptions, AvalonState, AvalonAction> game;

    private Tabletop(GameScenario<AvalonOptions, AvalonState, AvalonAction> game) {
        this.game = game;
    }

    /** A table with chosen roles (by seat) and first leader. */
    static Tabletop dealt(AvalonOptions options, int firstLeader, Role... roles) {
        return new Tabletop(GameScenario.of(new Avalon()).options(options).players(options.players())
                .dealt(state -> AvalonState.dealt(state.options(), List.of(roles), firstLeader)).start());
    }

    /** A table dealt from the seed alone (replayable). */
    static Tabletop seeded(AvalonOptions options, long seed) {
        return new Tabletop(GameScenario.of(new Avalon()).options(options).players(options.players()).seed(seed).start());
    }

    AvalonState state() {
        return game.state();
    }

    int leader() {
        return state().leader();
    }

    AvalonView view(int seat) {
        return game.viewOf(seat, AvalonView.class);
    }

    AvalonView spectator() {
        return io.roundtable.core.json.Json.convert(game.spectatorView(), AvalonView.class);
    }

    JsonNode json(int seat) {
        return game.viewOf(seat);
    }

    Tabletop act(int seat, AvalonAction action) {
        game.act(seat, action);
        return this;
    }

    Rejection rejects(int seat, AvalonAction action, String code) {
        return game.rejects(seat, action, code);
    }

    /** The current leader proposes this team. */
    Tabletop propose(Integer... team) {
        return act(leader(), AvalonAction.propose(team));
    }

    /** The listed seats approve, everyone else rejects. */
    Tabletop approvedBy(int... approvers) {
        List<Integer> yes = Arrays.stream(approvers).boxed().toList();
        for (int seat = 0; seat < state().players(); seat++) {
            act(seat, yes.contains(seat) ? AvalonAction.approve() : AvalonAction.reject());
        }
        return this;
    }

    Tabletop allApprove() {
        return approvedBy(IntStream.range(0, state().players()).toArray());
    }

    Tabletop allReject() {
        return approvedBy();
    }

    /** The team on the quest plays: the listed seats Fail, the others Success. */
    Tabletop quest(int... failing) {
        List<Integer> fails = Arrays.stream(failing).boxed().toList();
        for (int seat : new ArrayList<>(state().team())) {
            act(seat, fails.contains(seat) ? AvalonAction.fail() : AvalonAction.success());
        }
        return this;
    }

    /** The leader proposes {@code team}, everyone approves, and the listed seats fail the quest. */
    Tabletop questWith(List<Integer> team, int... failing) {
        return propose(team.toArray(Integer[]::new)).allApprove().quest(failing);
    }

    /** The leader proposes the first seats that make a team, and everyone rejects. */
    Tabletop rejectedProposal() {
        return propose(IntStream.range(0, state().teamSize()).boxed().toArray(Integer[]::new)).allReject();
    }

    static List<Integer> seats(Integer... seats) {
        return List.of(seats);
    }
}
