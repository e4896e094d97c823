package io.roundtable.runtime.store;

import java.util.List;

import io.roundtable.core.message.Delivery;

/**
 * What a committed change announces to every node: which room reached which version, from which
 * node, the inbox deliveries it made, the public events it raised, and what changed in the room
 * ({@code patch}, RFC 6902 operations on the room's JSON; null for a new room). A node that holds the
 * room at the version before applies the patch instead of reading the room again, and pushes each of its
 * sockets of the room its own delta.
 */
public record Notice(String room, long version, String node, List<Delivery> deliveries, List<Object> events,
        String patch) {
}
