package io.roundtable.games.avalon;

import java.util.ArrayList;
import java.util.List;

/** Default role sets per player count, and the full deck dealt for a set of options. */
public final class RoleSets {
    private RoleSets() {
    }

    /**
     * The default special roles: Merlin, Percival, Morgana and the Assassin; Oberon joins at 7, Mordred
     * replaces him at 8 and 9, and both play at 10.
     */
    public static List<Role> defaults(int players) {
        List<Role> roles = new ArrayList<>(List.of(Role.MERLIN, Role.PERCIVAL, Role.MORGANA, Role.ASSASSIN));
        if (players >= 8) {
            roles.add(Role.MORDRED);
        }
        if (players == 7 || players == 10) {
            roles.add(Role.OBERON);
        }
        return roles;
    }

    static List<String> defaultIds(int players) {
        return Counts.supports(players) ? defaults(players).stream().map(Role::id).toList() : List.of();
    }

    /** Every card dealt for valid options: the chosen roles, then Servants and Minions to the counts. */
    public static List<Role> deck(AvalonOptions options) {
        Counts counts = Counts.of(options.players());
        List<Role> deck = new ArrayList<>(inPlay(options));
        long evil = deck.stream().filter(Role::isEvil).count();
        long good = deck.size() - evil;
        for (long i = good; i < counts.good(); i++) {
            deck.add(Role.SERVANT);
        }
        for (long i = evil; i < counts.evil(); i++) {
            deck.add(Role.MINION);
        }
        return deck;
    }

    /** The roles the options name (valid options only). */
    public static List<Role> inPlay(AvalonOptions options) {
        return options.roles().stream().map(id -> Role.byId(id).orElseThrow()).toList();
    }
}
