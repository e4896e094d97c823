package io.roundtable.sample.leaky;

import io.roundtable.core.spi.Viewer;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardAction;
import io.roundtable.sample.highcard.HighCardState;

/**
 * Deliberately leaky in the archive: live views are right, but replays and the match log show every
 * move as it was made, so anyone replaying learns each secret bet as soon as it was placed.
 */
public class ShowsBetsInReplays extends HighCard {
    @Override
    public String id() {
        return "leaky_replays";
    }

    @Override
    public Object moveView(HighCardState state, int seat, HighCardAction action, Viewer viewer) {
        return action;
    }
}
