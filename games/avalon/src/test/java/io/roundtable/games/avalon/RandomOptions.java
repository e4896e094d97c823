package io.roundtable.games.avalon;

import java.util.ArrayList;
import java.util.List;

import io.roundtable.core.spi.GameRandom;

/** Random valid options: any player count, a random valid role set, every variant on or off. */
final class RandomOptions {
    private RandomOptions() {
    }

    static AvalonOptions draw(GameRandom random) {
        int players = Counts.MIN_PLAYERS + random.nextInt(Counts.MAX_PLAYERS - Counts.MIN_PLAYERS + 1);
        return new AvalonOptions(players, roles(players, random), random.nextBoolean(), random.nextInt(4) == 0,
                random.nextInt(4) == 0, random.nextBoolean(),
                random.nextInt(3) == 0 ? AvalonOptions.RANDOM : AvalonOptions.HEURISTIC, null);
    }

    /** A random subset of the special roles that fits the counts and keeps Merlin, Assassin and Percival paired. */
    static List<String> roles(int players, GameRandom random) {
        Counts counts = Counts.of(players);
        List<String> roles = new ArrayList<>();
        boolean merlin = random.nextInt(4) != 0;
        if (merlin) {
            roles.add("merlin");
            roles.add("assassin");
            if (random.nextBoolean()) {
                roles.add("percival");
            }
        }
        int evil = merlin ? 1 : 0;
        for (String role : random.shuffle(List.of("morgana", "mordred", "oberon", "minion"))) {
            if (evil < counts.evil() && random.nextBoolean()) {
                roles.add(role);
                evil++;
            }
        }
        if (roles.isEmpty()) {
            roles.add("servant");
        }
        return random.shuffle(roles);
    }
}
