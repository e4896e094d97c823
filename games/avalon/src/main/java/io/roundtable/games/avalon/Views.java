package io.roundtable.games.avalon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.roundtable.core.spi.Viewer;
import io.roundtable.games.avalon.AvalonView.Choice;
import io.roundtable.games.avalon.AvalonView.LadyResult;
import io.roundtable.games.avalon.AvalonView.LadyView;
import io.roundtable.games.avalon.AvalonView.ProposalRow;
import io.roundtable.games.avalon.AvalonView.Sighting;

/**
 * What a viewer may see: public facts for everyone, plus for a seat its role, its night and its Lady
 * results. Built from the viewer's knowledge up, never by filtering the whole state.
 */
final class Views {
    private Views() {
    }

    static AvalonView of(AvalonState state, Viewer viewer) {
        Integer you = viewer.isSpectator() ? null : viewer.seat();
        Role role = you == null ? null : state.roles().get(you);
        List<Sighting> sees = null;
        if (you != null) {
            sees = new ArrayList<>();
            for (Map.Entry<Integer, Visibility.Label> seen : Visibility.night(state, you).entrySet()) {
                sees.add(new Sighting(seen.getKey(), seen.getValue()));
            }
        }
        Counts counts = state.counts();
        boolean over = state.over();
        boolean assassinKnown = state.stage() == Stage.ASSASSINATE || over && state.assassinTarget() != null;
        return new AvalonView(state.players(), you, role, role == null ? null : role.side(), sees, state.stage(),
                state.questNumber(), state.leader(), state.rejections(), counts.questSizes(),
                IntStream.rangeClosed(1, Counts.QUESTS).map(counts::failsNeeded).boxed().toList(), state.team(),
                List.copyOf(state.awaiting()), state.quests(), proposals(state), lady(state, you),
                assassinKnown ? state.seatOf(Role.ASSASSIN).orElse(null) : null, state.assassinTarget(),
                you == null ? List.of() : choices(state, you), GameLog.of(state, you),
                over ? state.roles() : null, over ? state.winner() : null, over ? ending(state) : null);
    }

    private static List<ProposalRow> proposals(AvalonState state) {
        return state.proposals().stream().map(p -> new ProposalRow(p.quest(), p.attempt(), p.leader(), p.team(),
                p.forced() ? null : p.votes(), p.approved(), p.forced())).toList();
    }

    private static LadyView lady(AvalonState state, Integer you) {
        if (!state.options().lady()) {
            return null;
        }
        List<LadyResult> uses = state.ladyUses().stream().map(use -> new LadyResult(use.afterQuest(), use.holder(),
                use.target(), sees(state, you, use) ? state.loyalty(use.target()) : null)).toList();
        return new LadyView(state.over() ? null : state.ladyHolder().orElse(null), state.ladyHolders(), uses);
    }

    /** Whether {@code you} may see what this use of the Lady showed. */
    static boolean sees(AvalonState state, Integer you, AvalonState.LadyUse use) {
        return state.over() || you != null && you == use.holder();
    }

    /** What seat {@code you} may do now. */
    static List<Choice> choices(AvalonState state, int you) {
        if (!state.awaiting().contains(you)) {
            return List.of();
        }
        List<Integer> everyone = IntStream.range(0, state.players()).boxed().toList();
        switch (state.stage()) {
            case PROPOSE:
                return List.of(new Choice("propose", state.teamSize(), everyone, null));
            case VOTE:
                return List.of(new Choice("vote", null, null, List.of(Vote.APPROVE.id(), Vote.REJECT.id())));
            case QUEST:
                List<String> cards = state.roles().get(you).isEvil() ? List.of(Card.SUCCESS.id(), Card.FAIL.id())
                        : List.of(Card.SUCCESS.id());
                return List.of(new Choice("quest", null, null, cards));
            case LADY:
                return List.of(new Choice("lady", null, Moves.ladyTargets(state, you), null));
            case ASSASSINATE:
                return List.of(new Choice("assassinate", null, Moves.assassinTargets(state, you), null));
            default:
                return List.of();
        }
    }

    /** The outcome in one sentence. */
    static String ending(AvalonState state) {
        switch (state.ending()) {
            case "five_rejections": return "Evil wins: five team proposals in a row were rejected.";
            case "three_failures": return "Evil wins: three quests failed.";
            case "merlin_assassinated": return "Evil wins: the Assassin named Merlin.";
            case "merlin_survived": return "Good wins: three quests succeeded and the Assassin missed Merlin.";
            default: return "Good wins: three quests succeeded.";
        }
    }
}
