package io.roundtable.games.avalon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.roundtable.core.spi.Rejection;

/** Checks a room's options; each problem is one sentence that names the conflict. */
final class OptionsCheck {
    private static final int MAX_TIMER_SECONDS = 3600;

    private OptionsCheck() {
    }

    static List<Rejection> problems(AvalonOptions options) {
        List<Rejection> problems = new ArrayList<>();
        int players = options.players();
        if (!Counts.supports(players)) {
            problems.add(problem("player_count", "Avalon is played by " + Counts.MIN_PLAYERS + " to "
                    + Counts.MAX_PLAYERS + " players, not " + players + "."));
        }
        List<Role> roles = new ArrayList<>();
        for (String id : options.roles()) {
            Optional<Role> role = Role.byId(id);
            if (role.isEmpty()) {
                problems.add(problem("unknown_role", "There is no role \"" + id + "\"; the roles are "
                        + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", ")) + "."));
            } else {
                roles.add(role.get());
            }
        }
        Set<Role> seen = new LinkedHashSet<>();
        for (Role role : roles) {
            if (!seen.add(role) && !role.isPlain()) {
                problems.add(problem("duplicate_role", role.id() + " is chosen twice; each special role plays at most"
                        + " once (only servant and minion may repeat)."));
            }
        }
        if (Counts.supports(players)) {
            Counts counts = Counts.of(players);
            checkSide(problems, roles, Side.EVIL, counts.evil(), players);
            checkSide(problems, roles, Side.GOOD, counts.good(), players);
        }
        requires(problems, seen, Role.MERLIN, Role.ASSASSIN, "merlin_without_assassin",
                "Merlin needs the Assassin: add assassin or remove merlin.");
        requires(problems, seen, Role.ASSASSIN, Role.MERLIN, "assassin_without_merlin",
                "The Assassin needs Merlin to hunt: add merlin or remove assassin.");
        requires(problems, seen, Role.PERCIVAL, Role.MERLIN, "percival_without_merlin",
                "Percival is only meaningful with Merlin: add merlin or remove percival.");
        if (!List.of(AvalonOptions.HEURISTIC, AvalonOptions.RANDOM).contains(options.botStrategy())) {
            problems.add(problem("unknown_bot_strategy", "There is no bot strategy \"" + options.botStrategy()
                    + "\"; choose heuristic or random."));
        }
        if (options.timers().all().stream().anyMatch(s -> s < 0 || s > MAX_TIMER_SECONDS)) {
            problems.add(problem("timer_range", "A turn timer is 0 (off) to " + MAX_TIMER_SECONDS + " seconds."));
        }
        return problems;
    }

    private static void checkSide(List<Rejection> problems, List<Role> roles, Side side, int seats, int players) {
        List<String> ofSide = roles.stream().filter(r -> r.side() == side).map(Role::id).toList();
        if (ofSide.size() > seats) {
            problems.add(problem("too_many_" + side.id(), ofSide.size() + " " + side.id() + " roles ("
                    + String.join(", ", ofSide) + ") do not fit: " + players + " players have " + seats + " "
                    + side.id() + " seats."));
        }
    }

    private static void requires(List<Rejection> problems, Set<Role> roles, Role role, Role needed, String code,
            String sentence) {
        if (roles.contains(role) && !roles.contains(needed)) {
            problems.add(problem(code, sentence));
        }
    }

    private static Rejection problem(String name, String sentence) {
        return new Rejection("avalon/" + name, sentence);
    }
}
