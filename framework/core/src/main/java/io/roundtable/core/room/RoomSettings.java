package io.roundtable.core.room;

import java.time.Duration;

/**
 * The framework's timings and limits for rooms, in two groups. The runtime fills both from
 * configuration; tests start from {@link #defaults()} and change one value by name.
 */
public record RoomSettings(Timings timings, Limits limits) {

    /**
     * How long things take.
     *
     * @param barrierCountdown how long everyone must stay ready before play starts
     * @param awayAfter        silence after which a member shows as away
     * @param offlineAfter     silence after which a member shows as offline
     * @param gracePeriod      silence after which a seat is lost (the game's seat-loss policy applies)
     * @param idleRoomAfter    a room with no human online for this long is removed
     * @param botMoveDelay     how long a bot takes over a move, as a person would; each awaited bot then moves
     *                         at the first sweep at or after that. Zero: bots move in the same change that made
     *                         them due
     */
    public record Timings(Duration barrierCountdown, Duration awayAfter, Duration offlineAfter, Duration gracePeriod,
            Duration idleRoomAfter, Duration botMoveDelay) {

        public Timings withBarrierCountdown(Duration countdown) {
            return new Timings(countdown, awayAfter, offlineAfter, gracePeriod, idleRoomAfter, botMoveDelay);
        }

        public Timings withPresence(Duration away, Duration offline, Duration grace) {
            return new Timings(barrierCountdown, away, offline, grace, idleRoomAfter, botMoveDelay);
        }

        public Timings withIdleRoomAfter(Duration idle) {
            return new Timings(barrierCountdown, awayAfter, offlineAfter, gracePeriod, idle, botMoveDelay);
        }

        public Timings withBotMoveDelay(Duration delay) {
            return new Timings(barrierCountdown, awayAfter, offlineAfter, gracePeriod, idleRoomAfter, delay);
        }
    }

    /**
     * How much of anything a room takes or keeps.
     *
     * @param maxMessageLength  characters in one message
     * @param maxNameLength     characters in a display name
     * @param maxSignalLength   characters in one voice signalling message (an SDP offer runs to a few thousand)
     * @param recentReplies     idempotency keys remembered per room
     * @param receiptsPerSender direct-message receipts remembered per sender
     * @param maxBotMoves       safety bound on bot moves in one step
     * @param voiceMax          members in one room's voice mesh
     */
    public record Limits(int maxMessageLength, int maxNameLength, int maxSignalLength, int recentReplies,
            int receiptsPerSender, int maxBotMoves, int voiceMax) {

        public Limits withRecentReplies(int replies) {
            return new Limits(maxMessageLength, maxNameLength, maxSignalLength, replies, receiptsPerSender, maxBotMoves,
                    voiceMax);
        }

        public Limits withReceiptsPerSender(int receipts) {
            return new Limits(maxMessageLength, maxNameLength, maxSignalLength, recentReplies, receipts, maxBotMoves,
                    voiceMax);
        }

        public Limits withMaxBotMoves(int moves) {
            return new Limits(maxMessageLength, maxNameLength, maxSignalLength, recentReplies, receiptsPerSender, moves,
                    voiceMax);
        }
    }

    /**
     * The values the runtime's configuration defaults to, but for bots, which move at once here as in the
     * runtime's test profile (the runtime paces them, {@code roundtable.bots.move-delay}).
     */
    public static RoomSettings defaults() {
        return new RoomSettings(
                new Timings(Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofSeconds(45), Duration.ofSeconds(90),
                        Duration.ofMinutes(30), Duration.ZERO),
                new Limits(1000, 32, 16_384, 256, 50, 10_000, 6));
    }

    public RoomSettings withBarrierCountdown(Duration countdown) {
        return withTimings(timings.withBarrierCountdown(countdown));
    }

    public RoomSettings withPresence(Duration away, Duration offline, Duration grace) {
        return withTimings(timings.withPresence(away, offline, grace));
    }

    public RoomSettings withIdleRoomAfter(Duration idle) {
        return withTimings(timings.withIdleRoomAfter(idle));
    }

    public RoomSettings withBotMoveDelay(Duration delay) {
        return withTimings(timings.withBotMoveDelay(delay));
    }

    public RoomSettings withRecentReplies(int replies) {
        return withLimits(limits.withRecentReplies(replies));
    }

    public RoomSettings withReceiptsPerSender(int receipts) {
        return withLimits(limits.withReceiptsPerSender(receipts));
    }

    public RoomSettings withMaxBotMoves(int moves) {
        return withLimits(limits.withMaxBotMoves(moves));
    }

    public RoomSettings withTimings(Timings newTimings) {
        return new RoomSettings(newTimings, limits);
    }

    public RoomSettings withLimits(Limits newLimits) {
        return new RoomSettings(timings, newLimits);
    }
}
