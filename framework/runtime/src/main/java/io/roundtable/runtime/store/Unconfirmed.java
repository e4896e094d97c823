package io.roundtable.runtime.store;

/**
 * A change the room's Redis master applied but fewer replicas than {@code roundtable.store.replicas}
 * confirmed within {@code roundtable.store.replica-wait}: it was not announced, and must not be
 * acknowledged (a failover may lose it). Sent again with the same idempotency key, it is answered as
 * replayed if it survived, and applied if it did not.
 */
public class Unconfirmed extends RuntimeException {

    /** {@code version} -1: the room's changes so far ({@code RoomStore.confirm}). */
    public Unconfirmed(String room, long version, int copies, int wanted) {
        super((version < 0 ? "the changes" : "version " + version) + " of room " + room + " reached " + copies
                + " of " + wanted + " replicas in time");
    }
}
