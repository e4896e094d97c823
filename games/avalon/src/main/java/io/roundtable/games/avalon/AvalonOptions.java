package io.roundtable.games.avalon;

import java.util.List;
import java.util.Locale;

/**
 * What a room of Avalon is created with. Every field is optional in JSON; a missing one takes its
 * default, so the options a room stores are always complete. Checked by {@link OptionsCheck}.
 *
 * @param players                5 to 10 (default 5)
 * @param roles                  role ids in play, e.g. {@code ["merlin","assassin","percival","morgana"]}; seats not
 *                               covered are Loyal Servants and Minions. Empty or absent: {@link RoleSets#defaults}
 * @param lady                   the Lady of the Lake is used after quests 2, 3 and 4 (default off)
 * @param hammer                 variant: the fifth proposal of a round goes on the quest without a vote (default off)
 * @param oberonHiddenFromMerlin variant: Merlin does not see Oberon either (default off)
 * @param evilChannel            the evil players who see each other share a private channel (default off)
 * @param botStrategy            how bots and stand-ins play: {@code "heuristic"} (default) or {@code "random"}
 * @param timers                 seconds per step, 0 = no timer (default: all off)
 */
public record AvalonOptions(Integer players, List<String> roles, Boolean lady, Boolean hammer,
        Boolean oberonHiddenFromMerlin, Boolean evilChannel, String botStrategy, Timers timers) {

    public static final String HEURISTIC = "heuristic";
    public static final String RANDOM = "random";

    public AvalonOptions {
        players = players == null ? 5 : players;
        roles = roles == null || roles.isEmpty() ? RoleSets.defaultIds(players)
                : roles.stream().map(id -> id == null ? "" : id.trim().toLowerCase(Locale.ROOT)).toList();
        lady = lady != null && lady;
        hammer = hammer != null && hammer;
        oberonHiddenFromMerlin = oberonHiddenFromMerlin != null && oberonHiddenFromMerlin;
        evilChannel = evilChannel != null && evilChannel;
        botStrategy = botStrategy == null ? HEURISTIC : botStrategy;
        timers = timers == null ? Timers.OFF : timers;
    }

    public static AvalonOptions defaults() {
        return forPlayers(5);
    }

    /** The defaults for {@code players} players, with their default role set. */
    public static AvalonOptions forPlayers(int players) {
        return new AvalonOptions(players, null, null, null, null, null, null, null);
    }

    public AvalonOptions withRoles(String... ids) {
        return new AvalonOptions(players, List.of(ids), lady, hammer, oberonHiddenFromMerlin, evilChannel, botStrategy,
                timers);
    }

    public AvalonOptions withLady(boolean on) {
        return new AvalonOptions(players, roles, on, hammer, oberonHiddenFromMerlin, evilChannel, botStrategy, timers);
    }

    public AvalonOptions withHammer(boolean on) {
        return new AvalonOptions(players, roles, lady, on, oberonHiddenFromMerlin, evilChannel, botStrategy, timers);
    }

    public AvalonOptions withOberonHiddenFromMerlin(boolean on) {
        return new AvalonOptions(players, roles, lady, hammer, on, evilChannel, botStrategy, timers);
    }

    public AvalonOptions withEvilChannel(boolean on) {
        return new AvalonOptions(players, roles, lady, hammer, oberonHiddenFromMerlin, on, botStrategy, timers);
    }

    public AvalonOptions withBotStrategy(String strategy) {
        return new AvalonOptions(players, roles, lady, hammer, oberonHiddenFromMerlin, evilChannel, strategy, timers);
    }

    public AvalonOptions withTimers(Timers newTimers) {
        return new AvalonOptions(players, roles, lady, hammer, oberonHiddenFromMerlin, evilChannel, botStrategy,
                newTimers);
    }

    /** Turn timers in seconds for each step; 0 means no timer for that step. */
    public record Timers(Integer propose, Integer vote, Integer quest, Integer lady, Integer assassinate) {
        public static final Timers OFF = new Timers(0, 0, 0, 0, 0);

        public Timers {
            propose = propose == null ? 0 : propose;
            vote = vote == null ? 0 : vote;
            quest = quest == null ? 0 : quest;
            lady = lady == null ? 0 : lady;
            assassinate = assassinate == null ? 0 : assassinate;
        }

        /** The same limit for every step. */
        public static Timers all(int seconds) {
            return new Timers(seconds, seconds, seconds, seconds, seconds);
        }

        public int seconds(Stage stage) {
            switch (stage) {
                case PROPOSE: return propose;
                case VOTE: return vote;
                case QUEST: return quest;
                case LADY: return lady;
                case ASSASSINATE: return assassinate;
                default: return 0;
            }
        }

        List<Integer> all() {
            return List.of(propose, vote, quest, lady, assassinate);
        }
    }
}
