package io.roundtable.games.avalon;

import java.util.List;

/**
 * A public event of an accepted action. Events carry only what the action itself makes public
 * (who acted, the team, the target), never a result that depends on hidden facts: votes, fail counts,
 * Lady results and the winner reach clients through their views.
 *
 * @param type   {@code proposed}, {@code voted}, {@code played}, {@code examined} or {@code assassinated}
 * @param seat   who acted
 * @param team   the proposed team
 * @param target the examined or named seat
 */
public record AvalonEvent(String type, int seat, List<Integer> team, Integer target) {

    static AvalonEvent proposed(int leader, List<Integer> team) {
        return new AvalonEvent("proposed", leader, team, null);
    }

    static AvalonEvent voted(int seat) {
        return new AvalonEvent("voted", seat, null, null);
    }

    static AvalonEvent played(int seat) {
        return new AvalonEvent("played", seat, null, null);
    }

    static AvalonEvent examined(int holder, int target) {
        return new AvalonEvent("examined", holder, null, target);
    }

    static AvalonEvent assassinated(int assassin, int target) {
        return new AvalonEvent("assassinated", assassin, null, target);
    }
}
