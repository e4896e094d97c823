package io.roundtable.core.room;

import java.time.Duration;
import java.time.Instant;

/** Whether a member's client is reaching the server, from the time of its last heartbeat. */
public enum Presence {
    ONLINE, AWAY, OFFLINE;

    public static Presence of(Instant lastSeenAt, Instant now, Duration awayAfter, Duration offlineAfter) {
        Duration silence = Duration.between(lastSeenAt, now);
        if (silence.compareTo(awayAfter) <= 0) {
            return ONLINE;
        }
        return silence.compareTo(offlineAfter) <= 0 ? AWAY : OFFLINE;
    }
}
