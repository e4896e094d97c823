package io.roundtable.core.room;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.roundtable.core.spi.Outcome;

/**
 * Where a room is in its game: the phase and the game state with its secrets.
 *
 * @param phase         LOBBY, BARRIER, PLAY or FINISHED
 * @param barrierEndsAt when the ready countdown ends (BARRIER only)
 * @param players       how many seats the game was set up with (0 for a dynamic room: seats come and go)
 * @param state         the game state as JSON; a JSON null before play
 * @param moves         game moves applied so far (the length of the move log)
 * @param gameVersion   the room version of the last change to the phase or the game; an action whose
 *                      expected version is older than its seat's {@code offeredSince} is stale
 * @param timer         the running turn timer, if any
 * @param botsDueAt     when the bots the game awaits next move (bots paced by
 *                      {@link RoomSettings.Timings#botMoveDelay()}); null when none is due
 * @param paused        play waits for a lost player (seat-loss policy PAUSE)
 * @param outcome       how the game ended (FINISHED only)
 * @param offeredSince  for each seat the game awaits, the version since which it has been offered its
 *                      current step and choices
 */
public record GameSlot(Phase phase, Instant barrierEndsAt, int players, JsonNode state, long moves, long gameVersion,
        TimerState timer, Instant botsDueAt, boolean paused, Outcome outcome, Map<Integer, Long> offeredSince) {

    public GameSlot {
        offeredSince = offeredSince == null ? Map.of() : Map.copyOf(offeredSince);
    }

    /** A turn timer: the step it belongs to and when it runs out. */
    public record TimerState(String step, Instant deadline) {
    }

    /** A new room's slot: in the lobby, no game yet. */
    static GameSlot lobby() {
        return new GameSlot(Phase.LOBBY, null, 0, NullNode.getInstance(), 0, 0, null, null, false, null, Map.of());
    }

    /** The oldest version a move from {@code seat} may expect without being stale. */
    public long offeredSince(int seat) {
        return offeredSince.getOrDefault(seat, gameVersion);
    }

    GameSlot withPhase(Phase newPhase, Instant newBarrierEndsAt) {
        return new GameSlot(newPhase, newBarrierEndsAt, players, state, moves, gameVersion, timer, botsDueAt, paused,
                outcome, offeredSince);
    }

    /** Play begins with {@code initial} for {@code seats} players. */
    GameSlot started(JsonNode initial, int seats) {
        return new GameSlot(Phase.PLAY, null, seats, initial, 0, gameVersion, null, null, paused, null, offeredSince);
    }

    /** One more move, leading to {@code next}. */
    GameSlot moved(JsonNode next) {
        return new GameSlot(phase, barrierEndsAt, players, next, moves + 1, gameVersion, timer, botsDueAt, paused,
                outcome, offeredSince);
    }

    GameSlot withTimer(TimerState newTimer) {
        return new GameSlot(phase, barrierEndsAt, players, state, moves, gameVersion, newTimer, botsDueAt, paused,
                outcome, offeredSince);
    }

    GameSlot withBotsDueAt(Instant due) {
        return new GameSlot(phase, barrierEndsAt, players, state, moves, gameVersion, timer, due, paused, outcome,
                offeredSince);
    }

    GameSlot withPaused(boolean newPaused) {
        return new GameSlot(phase, barrierEndsAt, players, state, moves, gameVersion, timer, botsDueAt, newPaused,
                outcome, offeredSince);
    }

    GameSlot withOfferedSince(Map<Integer, Long> newOfferedSince) {
        return new GameSlot(phase, barrierEndsAt, players, state, moves, gameVersion, timer, botsDueAt, paused, outcome,
                newOfferedSince);
    }

    /** The game is over with {@code end}: no timer, no bots due, no pause. */
    GameSlot finished(Outcome end) {
        return new GameSlot(Phase.FINISHED, null, players, state, moves, gameVersion, null, null, false, end,
                offeredSince);
    }

    GameSlot withGameVersion(long version) {
        return new GameSlot(phase, barrierEndsAt, players, state, moves, version, timer, botsDueAt, paused, outcome,
                offeredSince);
    }
}
