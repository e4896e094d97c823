package io.roundtable.sample.leaky;

import io.roundtable.core.spi.Decision;
import io.roundtable.core.spi.Turn;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardAction;
import io.roundtable.sample.highcard.HighCardState;

/**
 * Deliberately leaky through another path: the views are right, but the public event of a swap
 * names the card drawn, so everyone learns the swapper's new card.
 */
public class TellsDrawnCardInEvents extends HighCard {
    @Override
    public String id() {
        return "leaky_events";
    }

    /** A public event that says too much. */
    public record Drew(int seat, int card) {
    }

    @Override
    public Decision<HighCardState> apply(HighCardState state, int seat, HighCardAction action, Turn turn) {
        Decision<HighCardState> decision = super.apply(state, seat, action, turn);
        if (action instanceof HighCardAction.Swap && decision instanceof Decision.Accepted<HighCardState> accepted) {
            return Decision.accept(accepted.state(), new Drew(seat, accepted.state().hands().get(seat)));
        }
        return decision;
    }
}
