package io.roundtable.core.room;

import java.time.Duration;

/**
 * The framework's limits and timings for rooms. The runtime fills these from configuration.
 *
 * @param barrierCountdown  how long everyone must stay ready before play starts
 * @param awayAfter         silence after which a member shows as away
 * @param offlineAfter      silence after which a member shows as offline
 * @param gracePeriod       silence after which a seat is lost (the game's seat-loss policy applies)
 * @param idleRoomAfter     a room with no human online for this long is removed
 * @param maxMessageLength  characters in one message
 * @param maxNameLength     characters in a display name
 * @param recentReplies     idempotency keys remembered per room
 * @param receiptsPerSender direct-message receipts remembered per sender
 * @param maxBotMoves       safety bound on bot moves in one step
 * @param maxSignalLength   characters in one voice signalling message (an SDP offer runs to a few thousand)
 * @param voiceMax          members in one room's voice mesh
 */
public record RoomSettings(Duration barrierCountdown, Duration awayAfter, Duration offlineAfter, Duration gracePeriod,
        Duration idleRoomAfter, int maxMessageLength, int maxNameLength, int recentReplies, int receiptsPerSender,
        int maxBotMoves, int maxSignalLength, int voiceMax) {

    public static final int DEFAULT_SIGNAL_LENGTH = 16_384;
    public static final int DEFAULT_VOICE_MAX = 6;

    public RoomSettings(Duration barrierCountdown, Duration awayAfter, Duration offlineAfter, Duration gracePeriod,
            Duration idleRoomAfter, int maxMessageLength, int maxNameLength, int recentReplies, int receiptsPerSender,
            int maxBotMoves) {
        this(barrierCountdown, awayAfter, offlineAfter, gracePeriod, idleRoomAfter, maxMessageLength, maxNameLength,
                recentReplies, receiptsPerSender, maxBotMoves, DEFAULT_SIGNAL_LENGTH, DEFAULT_VOICE_MAX);
    }

    public static RoomSettings defaults() {
        return new RoomSettings(Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofSeconds(45),
                Duration.ofSeconds(90), Duration.ofMinutes(30), 1000, 32, 256, 50, 10_000);
    }

    public RoomSettings withBarrierCountdown(Duration countdown) {
        return new RoomSettings(countdown, awayAfter, offlineAfter, gracePeriod, idleRoomAfter, maxMessageLength,
                maxNameLength, recentReplies, receiptsPerSender, maxBotMoves, maxSignalLength, voiceMax);
    }

    public RoomSettings withPresence(Duration away, Duration offline, Duration grace) {
        return new RoomSettings(barrierCountdown, away, offline, grace, idleRoomAfter, maxMessageLength,
                maxNameLength, recentReplies, receiptsPerSender, maxBotMoves, maxSignalLength, voiceMax);
    }

    public RoomSettings withIdleRoomAfter(Duration idle) {
        return new RoomSettings(barrierCountdown, awayAfter, offlineAfter, gracePeriod, idle, maxMessageLength,
                maxNameLength, recentReplies, receiptsPerSender, maxBotMoves, maxSignalLength, voiceMax);
    }
}
