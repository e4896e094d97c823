package ${package};

import java.util.List;

/**
 * What one viewer sees. Hidden values are null, and so absent from the JSON.
 *
 * @param you    the viewer's seat (0 plays Odd, 1 plays Even); null for a spectator
 * @param picked per seat, whether it has picked (public)
 * @param myPick the viewer's own pick, once made
 * @param picks  every pick, once the game is over
 * @param sum    the sum of the picks, once over
 * @param winner the winning seat, once over
 * @param youMay what the viewer may do now, for a generic UI: the action and the values to choose from
 */
public record OddOrEvenView(Integer you, List<Boolean> picked, Integer myPick, List<Integer> picks, Integer sum,
        Integer winner, List<Option> youMay) {

    /** A button that sends {@code action} with one value of {@code from} in {@code param}. */
    public record Option(String action, String param, List<Integer> from) {
    }
}
