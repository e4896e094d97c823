package io.roundtable.core.spi;

import java.time.Instant;

/** What an action may use besides the state: the server's time and the match's seeded random source. */
public record Turn(Instant now, GameRandom random) {
}
