package io.roundtable.core.room;

import java.util.List;

import io.roundtable.core.message.DirectReceipt;

/**
 * A room's mail, beside the members' inboxes (kept by the runtime).
 *
 * @param messages messages sent in the room so far (each message's number)
 * @param receipts recent direct messages, for their delivery state
 */
public record Postbox(long messages, List<DirectReceipt> receipts) {

    public Postbox {
        receipts = List.copyOf(receipts);
    }

    static Postbox empty() {
        return new Postbox(0, List.of());
    }
}
