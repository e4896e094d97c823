package ${package};

import java.util.List;

import io.roundtable.core.spi.Choice;

/**
 * What one viewer sees. Hidden values are null, and so absent from the JSON. The browser UI's generic
 * table draws it: public facts, a row per seat for per-seat lists, fields named {@code my…} as yours
 * alone, and a button per choice of {@code youMay}.
 *
 * @param you    the viewer's seat (0 plays Odd, 1 plays Even); null for a spectator
 * @param picked per seat, whether it has picked (public)
 * @param myPick the viewer's own pick, once made
 * @param picks  every pick, once the game is over
 * @param sum    the sum of the picks, once over
 * @param winner the winning seat, once over
 * @param youMay what the viewer may do now: a button per choice, a picker per parameter
 */
public record OddOrEvenView(Integer you, List<Boolean> picked, Integer myPick, List<Integer> picks, Integer sum,
        Integer winner, List<Choice> youMay) {
}
