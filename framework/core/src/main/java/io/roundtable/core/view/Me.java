package io.roundtable.core.view;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.roundtable.core.room.Member;
import io.roundtable.core.room.Room;

/**
 * The {@code me} part of a frame: the viewer's own membership. An anonymous spectator is
 * {@code {"member":null,"spectator":true}}; a member also sees whether they host, their inbox's head and
 * acknowledgement, and the delivery state of the direct messages they sent.
 */
public record Me(@JsonInclude(JsonInclude.Include.ALWAYS) String member, boolean spectator, Boolean host,
        Inbox inbox, List<Sent> sent) {

    /** The newest sequence number in the member's inbox and the last one they acknowledged. */
    public record Inbox(long head, long acked) {
    }

    /** A direct message the viewer sent: {@code delivered}, or {@code read} once its reader acknowledged it. */
    public record Sent(String id, String to, String state) {
    }

    static Me of(Room room, Member me) {
        if (me == null) {
            return new Me(null, true, null, null, null);
        }
        List<Sent> sent = room.post().receipts().stream().filter(r -> r.from().equals(me.id())).map(r -> {
            boolean read = room.member(r.to()).map(m -> m.ackedSeq() >= r.seq()).orElse(false);
            return new Sent(r.id(), r.to(), read ? "read" : "delivered");
        }).toList();
        return new Me(me.id(), me.isSpectator(), me.id().equals(room.roster().host()),
                new Inbox(me.inboxSeq(), me.ackedSeq()), sent);
    }
}
