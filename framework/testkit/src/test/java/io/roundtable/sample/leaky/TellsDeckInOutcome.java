package io.roundtable.sample.leaky;

import java.util.Optional;

import io.roundtable.core.spi.Outcome;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardState;

/**
 * Deliberately leaky in the archive's summary: the outcome names the next card of the deck, which
 * stays hidden from everyone even after the game.
 */
public class TellsDeckInOutcome extends HighCard {
    @Override
    public String id() {
        return "leaky_outcome";
    }

    @Override
    public Optional<Outcome> outcome(HighCardState state) {
        return super.outcome(state).map(o -> new Outcome(o.winners(),
                o.summary() + " The next card would have been " + state.deck().get(0) + ".", o.revealed()));
    }
}
