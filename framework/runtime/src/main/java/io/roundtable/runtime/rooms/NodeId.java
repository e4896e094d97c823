package io.roundtable.runtime.rooms;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** This node's identity: stamped on the change notices it publishes, so that it can ignore its own. */
@ApplicationScoped
public class NodeId {
    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }
}
