package io.roundtable.games.avalon;

import java.util.List;

/**
 * What one viewer is shown. Fields that do not apply are absent from the JSON (a spectator has no
 * {@code you}, {@code role} or {@code sees}; {@code roles}, {@code winner} and {@code ending} appear
 * once the game is over). See docs/avalon.md for the JSON.
 *
 * @param players     seats at the table (0 … players-1, clockwise)
 * @param you         the viewer's seat
 * @param role        the viewer's role
 * @param side        the viewer's side
 * @param sees        what the viewer saw at night: seats and labels, in seat order
 * @param phase       {@code propose}, {@code vote}, {@code quest}, {@code lady}, {@code assassinate}, {@code over}
 * @param quest       the quest being prepared or played (1…5)
 * @param leader      the current leader
 * @param rejections  proposals rejected in a row this round (five: evil wins)
 * @param questSizes  team size of each quest
 * @param failsNeeded Fail cards that fail each quest (2 for quest 4 with 7+ players)
 * @param team        the proposed team (vote) or the team on the quest (quest)
 * @param waitingFor  the seats the game waits for: during a vote those yet to vote (everyone else has voted;
 *                    how, nobody sees until the last vote), on a quest the team members yet to play
 * @param quests      finished quests with their fail counts
 * @param proposals   every decided proposal with all votes: the vote grid
 * @param lady        the Lady of the Lake, when in play
 * @param assassin    the Assassin's seat, once three quests succeeded
 * @param named       whom the Assassin named
 * @param youMay      what the viewer may do now
 * @param log         the game so far in sentences, as this viewer may know it
 * @param roles       every seat's role, once the game is over
 * @param winner      the winning side, once the game is over
 * @param ending      how the game ended, once it is over
 */
public record AvalonView(int players, Integer you, Role role, Side side, List<Sighting> sees, Stage phase, int quest,
        int leader, int rejections, List<Integer> questSizes, List<Integer> failsNeeded, List<Integer> team,
        List<Integer> waitingFor, List<AvalonState.Quest> quests,
        List<ProposalRow> proposals, LadyView lady, Integer assassin, Integer named, List<Choice> youMay,
        List<String> log, List<Role> roles, Side winner, String ending) {

    /** One seat seen at night, e.g. {@code {"seat":3,"as":"evil"}}. */
    public record Sighting(int seat, Visibility.Label as) {
    }

    /** A row of the vote grid: votes by seat, absent when the hammer forced the team through. */
    public record ProposalRow(int quest, int attempt, int leader, List<Integer> team, List<Vote> votes,
            boolean approved, boolean forced) {
    }

    /** Who holds the Lady of the Lake, who held it, and what each use showed (the result only to its holder). */
    public record LadyView(Integer holder, List<Integer> heldBy, List<LadyResult> uses) {
    }

    /** One use of the Lady; {@code loyalty} only for its holder (and everyone once the game is over). */
    public record LadyResult(int afterQuest, int holder, int target, Side loyalty) {
    }

    /**
     * An action the viewer may take now: {@code propose} with {@code teamSize} from {@code seats},
     * {@code vote} or {@code quest} with {@code choices}, {@code lady} or {@code assassinate} naming one of
     * {@code seats}.
     */
    public record Choice(String action, Integer teamSize, List<Integer> seats, List<String> choices) {
    }
}
