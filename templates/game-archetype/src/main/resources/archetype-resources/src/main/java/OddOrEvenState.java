package ${package};

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole game, secrets included: each seat's pick, null until it is made. Helpers are named
 * without get/is so that they stay out of the JSON.
 */
public record OddOrEvenState(List<Integer> picks) {

    public OddOrEvenState {
        picks = new ArrayList<>(picks); // holds nulls: picks not made yet (List.copyOf refuses nulls)
    }

    public boolean over() {
        return picks.stream().allMatch(Objects::nonNull);
    }

    public int sum() {
        return picks.stream().mapToInt(Integer::intValue).sum();
    }

    OddOrEvenState pickedBy(int seat, int number) {
        List<Integer> next = new ArrayList<>(picks);
        next.set(seat, number);
        return new OddOrEvenState(next);
    }
}
