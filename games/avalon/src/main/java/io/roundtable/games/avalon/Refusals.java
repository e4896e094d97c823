package io.roundtable.games.avalon;

import io.roundtable.core.spi.Decision;

/** The game's rejections: code {@code avalon/<name>} and a sentence that depends only on what the actor may know. */
final class Refusals {
    private Refusals() {
    }

    static Decision<AvalonState> of(String name, String sentence) {
        return Decision.reject("avalon/" + name, sentence);
    }

    static Decision<AvalonState> incomplete(String sentence) {
        return of("incomplete_action", sentence);
    }

    static Decision<AvalonState> noSuchSeat(AvalonState state, int seat) {
        return of("no_such_seat", "There is no seat " + seat + " at this table (seats 0 to " + (state.players() - 1)
                + ").");
    }

    /** The action does not fit the current step, e.g. a vote while the leader chooses a team. */
    static Decision<AvalonState> wrongStep(AvalonState state, String action) {
        return of("wrong_step", "You cannot " + action + " now: " + waitingFor(state.stage()) + ".");
    }

    static String waitingFor(Stage stage) {
        switch (stage) {
            case PROPOSE: return "the leader is choosing a team";
            case VOTE: return "everyone is voting on the proposed team";
            case QUEST: return "the team is on its quest";
            case LADY: return "the holder of the Lady of the Lake is choosing whom to examine";
            case ASSASSINATE: return "the Assassin is choosing whom to name";
            default: return "the game is over";
        }
    }
}
