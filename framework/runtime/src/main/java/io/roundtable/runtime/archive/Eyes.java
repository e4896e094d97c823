package io.roundtable.runtime.archive;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.spi.Viewer;
import io.roundtable.runtime.protocol.Problem;

/**
 * Whose eyes a finished match is seen through, as asked for with {@code viewer=}: a spectator, the
 * player of one seat ({@code seat:N}), or everything ({@code revealed}, which has no {@link Viewer}).
 * Whether the asker may use them is {@link ReplayAccess}'s question.
 */
public record Eyes(String name, Viewer viewer) {
    public static final Eyes SPECTATOR = new Eyes("spectator", Viewer.SPECTATOR);
    public static final Eyes REVEALED = new Eyes("revealed", null);

    /** The eyes {@code viewer} names in a match of {@code players} seats; none means a spectator's. */
    public static Eyes parse(String viewer, int players) {
        if (viewer == null || viewer.equals(SPECTATOR.name())) {
            return SPECTATOR;
        }
        if (viewer.equals(REVEALED.name())) {
            return REVEALED;
        }
        if (viewer.matches("seat:[0-9]{1,2}") && Integer.parseInt(viewer.substring(5)) < players) {
            return new Eyes(viewer, Viewer.seat(Integer.parseInt(viewer.substring(5))));
        }
        throw new Problem(ErrorCode.REQUEST_INVALID, "viewer is seat:N (0 to " + (players - 1) + "), spectator or revealed.");
    }

    public boolean revealed() {
        return viewer == null;
    }

    /** The seat whose eyes these are; only for {@code seat:N}. */
    public int seat() {
        return viewer.seat();
    }

    public boolean isSeat() {
        return viewer != null && !viewer.isSpectator();
    }
}
