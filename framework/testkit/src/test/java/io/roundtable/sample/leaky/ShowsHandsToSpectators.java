package io.roundtable.sample.leaky;

import java.util.ArrayList;
import java.util.List;

import io.roundtable.core.spi.Viewer;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardState;
import io.roundtable.sample.highcard.HighCardView;
import io.roundtable.sample.highcard.HighCardView.SeatView;

/** Deliberately leaky: a spectator's view shows every seat's card. The leak checker must catch it. */
public class ShowsHandsToSpectators extends HighCard {
    @Override
    public String id() {
        return "leaky_hands";
    }

    @Override
    public Object view(HighCardState state, Viewer viewer) {
        HighCardView view = (HighCardView) super.view(state, viewer);
        if (!viewer.isSpectator()) {
            return view;
        }
        List<SeatView> seats = new ArrayList<>();
        for (SeatView seat : view.seats()) {
            seats.add(new SeatView(seat.seat(), state.hands().get(seat.seat()), seat.swapped(), seat.discarded(),
                    seat.betPlaced(), seat.bet()));
        }
        return new HighCardView(view.you(), view.step(), view.turn(), view.deckLeft(), seats, view.winner());
    }
}
