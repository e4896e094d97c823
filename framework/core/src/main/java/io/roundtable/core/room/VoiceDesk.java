package io.roundtable.core.room;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.roundtable.core.error.ErrorCode;

/** Joining and leaving a room's voice mesh, and the mute and link states clients report. */
final class VoiceDesk {

    Result join(Room room, Command.VoiceJoin join, Instant now) {
        String memberId = join.member();
        return refusal(room, memberId).orElseGet(() -> {
            Voice voice = room.voice();
            if (voice.contains(memberId)) {
                return Result.unchanged(room, new Reply.Accepted(room.version(), memberId, false));
            }
            if (voice.participants().size() >= voice.max()) {
                return Result.rejected(room, ErrorCode.VOICE_FULL.rejection(
                        "The voice mesh has room for " + voice.max() + " people, and they are all here."));
            }
            return commit(room, voice.join(memberId), memberId, now);
        });
    }

    Result leave(Room room, Command.VoiceLeave leave, Instant now) {
        String memberId = leave.member();
        return refusal(room, memberId).orElseGet(() -> room.voice().contains(memberId)
                ? commit(room, room.voice().leave(memberId), memberId, now)
                : Result.unchanged(room, new Reply.Accepted(room.version(), memberId, false)));
    }

    Result report(Room room, Command.VoiceReport report, Instant now) {
        String memberId = report.member();
        Optional<Result> refused = refusal(room, memberId);
        if (refused.isPresent()) {
            return refused.get();
        }
        Voice voice = room.voice();
        if (!voice.contains(memberId)) {
            return Result.rejected(room, ErrorCode.VOICE_NOT_JOINED.rejection());
        }
        Map<String, String> links = new LinkedHashMap<>();
        for (Map.Entry<String, String> link : (report.links() == null ? Map.<String, String>of() : report.links())
                .entrySet()) {
            if (link.getKey().equals(memberId) || link.getValue() == null || !Voice.LINK_STATES.contains(link.getValue())) {
                return Result.rejected(room, ErrorCode.VOICE_BAD_REPORT.rejection(
                        "A link goes to another member and is new, connecting, connected or failed."));
            }
            // A peer that has just left may still be in a report sent before the client knew: ignored.
            if (voice.contains(link.getKey())) {
                links.put(link.getKey(), link.getValue());
            }
        }
        Voice next = voice.report(memberId, report.muted(), links);
        if (next.equals(voice)) {
            return Result.unchanged(room, new Reply.Accepted(room.version(), memberId, false));
        }
        return commit(room, next, memberId, now);
    }

    /** Refused when the sender is no member or the room has no voice; empty when the voice desk may go on. */
    private static Optional<Result> refusal(Room room, String memberId) {
        if (room.member(memberId).isEmpty()) {
            return Optional.of(Result.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection()));
        }
        if (room.voice() == null) {
            return Optional.of(Result.rejected(room, ErrorCode.VOICE_OFF.rejection()));
        }
        return Optional.empty();
    }

    private static Result commit(Room room, Voice voice, String memberId, Instant now) {
        Pending pending = new Pending(room.withVoice(voice), now);
        return pending.commit(memberId);
    }

    /** A member left the room: it leaves the mesh too. */
    static Room departed(Room room, String memberId) {
        return room.voice() != null && room.voice().contains(memberId) ? room.withVoice(room.voice().leave(memberId))
                : room;
    }
}
