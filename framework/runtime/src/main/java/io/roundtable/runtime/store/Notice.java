package io.roundtable.runtime.store;

import java.util.List;

import io.roundtable.core.message.Delivery;

/**
 * What a committed change announces to every node: which room reached which version, from which
 * node, the inbox deliveries it made and the public events it raised. Nodes holding sockets of that
 * room read the room and push each socket its own delta.
 */
public record Notice(String room, long version, String node, List<Delivery> deliveries, List<Object> events) {
}
