package io.roundtable.runtime.push;

/** WebSocket close codes of the room socket (documented in docs/protocol.md). */
public final class CloseCodes {
    /**
     * The server could not bring the socket up to date (its store did not answer in time): reconnect
     * to any node and resume. RFC 6455's "internal error".
     */
    public static final int RESUME_ELSEWHERE = 1011;
    /** The member left or was removed; the token no longer grants a seat. */
    public static final int NOT_A_MEMBER = 4401;
    /** The room no longer exists (expired or archived). */
    public static final int ROOM_GONE = 4404;
    /** No frame from the client within the idle timeout. */
    public static final int IDLE = 4408;
    /** The client kept sending faster than allowed after being told to slow down. */
    public static final int FLOODING = 4429;

    private CloseCodes() {
    }
}
