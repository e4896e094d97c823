package io.roundtable.core.room;

import io.roundtable.core.spi.Rejection;

/** The answer to the one who sent a command; never broadcast. */
public sealed interface Reply {

    /** Applied (or already applied under the same idempotency key) at {@code version}. */
    record Accepted(long version, String member, boolean replayed) implements Reply {
    }

    /** Refused; nothing changed. {@code version} is the room's current version. */
    record Rejected(Rejection rejection, long version) implements Reply {
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
