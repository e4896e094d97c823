package io.roundtable.core.room;

import java.util.Optional;
import java.util.Set;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.spi.Rejection;

/**
 * The one rule of whose turn it is: a seat may act only while the game awaits it. The engine applies it
 * before the rules are asked, so a game's {@code apply} never sees a seat it does not await; the test
 * kit's {@code GameScenario} applies the same rule.
 */
public final class WhoseTurn {
    private WhoseTurn() {
    }

    /** {@code action/not_your_turn} when {@code seat} is not among the awaited seats; empty when it may act. */
    public static Optional<Rejection> refusal(Set<Integer> awaiting, int seat) {
        return awaiting.contains(seat) ? Optional.empty() : Optional.of(ErrorCode.ACTION_NOT_YOUR_TURN.rejection());
    }
}
