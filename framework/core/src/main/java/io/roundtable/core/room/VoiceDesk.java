package io.roundtable.core.room;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.roundtable.core.error.ErrorCode;

/** Joining and leaving a room's voice mesh, and the mute and link states clients report. */
final class VoiceDesk {

    Step handle(Room room, Command.FromMember command, Instant now) {
        Voice voice = room.voice();
        String memberId = command.member();
        Optional<Member> member = room.member(memberId);
        if (member.isEmpty()) {
            return Step.rejected(room, ErrorCode.ROOM_NOT_MEMBER.rejection());
        }
        if (voice == null) {
            return Step.rejected(room, ErrorCode.VOICE_OFF.rejection());
        }
        if (command instanceof Command.VoiceJoin) {
            if (voice.contains(memberId)) {
                return Step.unchanged(room, new Reply.Accepted(room.version(), memberId, false));
            }
            if (voice.participants().size() >= voice.max()) {
                return Step.rejected(room, ErrorCode.VOICE_FULL.rejection(
                        "The voice mesh has room for " + voice.max() + " people, and they are all here."));
            }
            return commit(room, voice.join(memberId), memberId, now);
        }
        if (!voice.contains(memberId)) {
            return command instanceof Command.VoiceLeave
                    ? Step.unchanged(room, new Reply.Accepted(room.version(), memberId, false))
                    : Step.rejected(room, ErrorCode.VOICE_NOT_JOINED.rejection());
        }
        if (command instanceof Command.VoiceLeave) {
            return commit(room, voice.leave(memberId), memberId, now);
        }
        Command.VoiceReport report = (Command.VoiceReport) command;
        Map<String, String> links = new LinkedHashMap<>();
        for (Map.Entry<String, String> link : (report.links() == null ? Map.<String, String>of() : report.links())
                .entrySet()) {
            if (link.getKey().equals(memberId) || link.getValue() == null || !Voice.LINK_STATES.contains(link.getValue())) {
                return Step.rejected(room, ErrorCode.VOICE_BAD_REPORT.rejection(
                        "A link goes to another member and is new, connecting, connected or failed."));
            }
            // A peer that has just left may still be in a report sent before the client knew: ignored.
            if (voice.contains(link.getKey())) {
                links.put(link.getKey(), link.getValue());
            }
        }
        Voice next = voice.report(memberId, report.muted(), links);
        if (next.equals(voice)) {
            return Step.unchanged(room, new Reply.Accepted(room.version(), memberId, false));
        }
        return commit(room, next, memberId, now);
    }

    private static Step commit(Room room, Voice voice, String memberId, Instant now) {
        Change change = new Change(room.withVoice(voice), now);
        return change.commit(memberId);
    }

    /** A member left the room: it leaves the mesh too. */
    static Room departed(Room room, String memberId) {
        return room.voice() != null && room.voice().contains(memberId) ? room.withVoice(room.voice().leave(memberId))
                : room;
    }
}
