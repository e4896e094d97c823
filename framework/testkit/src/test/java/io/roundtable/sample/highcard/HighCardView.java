package io.roundtable.sample.highcard;

import java.util.List;

/**
 * What one viewer sees. Hidden values are null (and so absent from the JSON).
 *
 * @param you    the viewer's seat; null for a spectator
 * @param step   {@code "swap"}, {@code "bet"} or {@code "over"}
 * @param turn   whose turn it is to keep or swap, while swapping
 * @param winner the winning seat once the game is over and someone stayed in
 */
public record HighCardView(Integer you, String step, Integer turn, int deckLeft, List<SeatView> seats,
        Integer winner) {

    /** One seat as the viewer sees it. */
    public record SeatView(int seat, Integer card, boolean swapped, Integer discarded, boolean betPlaced, String bet) {
    }
}
