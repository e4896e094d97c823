package io.roundtable.runtime.push;

import io.roundtable.core.room.Reply;
import io.roundtable.runtime.protocol.ErrorBody;
import io.roundtable.runtime.protocol.ServerMessage;

/**
 * Where the answer to one socket command goes: the socket it came from and its {@code ref}. A socket
 * on protocol 2 gets the answer to an applied command inside the patch of that change (one message
 * instead of two); then the socket sends no separate reply.
 */
public final class ReplyRoute {
    final Subscriber socket;
    private final String ref;
    private volatile boolean delivered;

    public ReplyRoute(Subscriber socket, String ref) {
        this.socket = socket;
        this.ref = ref;
    }

    /** The socket message that answers {@code reply}. */
    public ServerMessage.Reply answer(Reply reply) {
        if (reply instanceof Reply.Rejected rejected) {
            return new ServerMessage.Reply(ref, false, rejected.version(),
                    null, ErrorBody.of(rejected.rejection(), rejected.version()));
        }
        Reply.Accepted accepted = (Reply.Accepted) reply;
        return new ServerMessage.Reply(ref, true, accepted.version(), accepted.replayed(), null);
    }

    /** Whether the answer already went out inside a patch. */
    public boolean delivered() {
        return delivered;
    }

    void markDelivered() {
        delivered = true;
    }
}
