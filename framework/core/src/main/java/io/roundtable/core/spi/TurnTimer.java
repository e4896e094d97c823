package io.roundtable.core.spi;

import java.time.Duration;

/**
 * A turn timer for the current step. The framework starts the clock whenever {@code step} changes,
 * and when it runs out applies {@link GameRules#onTimeout} for every seat still awaited.
 *
 * @param step  names the step (e.g. {@code "vote-3-2"}); a new name restarts the clock
 * @param limit how long the awaited seats have
 */
public record TurnTimer(String step, Duration limit) {
}
