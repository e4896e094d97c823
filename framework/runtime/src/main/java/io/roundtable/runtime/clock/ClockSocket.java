package io.roundtable.runtime.clock;

import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.smallrye.mutiny.Uni;

/**
 * Lets a client estimate its clock offset to the server (turn deadlines are server times):
 * the client sends its own time, the server answers with both, NTP-style.
 */
@WebSocket(path = "/ws/clock")
public class ClockSocket {

    public record ClockRequest(long clientTime) {
    }

    public record ClockReading(long clientTime, long serverTime) {
    }

    @OnTextMessage
    public Uni<ClockReading> onRequest(ClockRequest request) {
        return Uni.createFrom().item(new ClockReading(request.clientTime(), System.currentTimeMillis()));
    }
}
