package io.roundtable.core.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.spi.Rejection;

/** Idempotency keys: a retried command with the same key is answered with its first result, not applied again. */
final class Recent {
    static final Rejection INVALID_KEY = ErrorCode.REQUEST_INVALID
            .rejection("An idempotency key has 1 to 64 letters, digits, '-', '_', '.' or ':'.");

    private Recent() {
    }

    static boolean validKey(String key) {
        return key == null || key.matches("[A-Za-z0-9._:-]{1,64}");
    }

    static Optional<Room.RecentReply> find(Room room, String member, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return room.recent().stream().filter(r -> r.member().equals(member) && r.key().equals(key)).findFirst();
    }

    static Result remember(Result step, String member, String key, int limit) {
        if (key == null || !step.changed()) {
            return step;
        }
        List<Room.RecentReply> recent = new ArrayList<>(step.room().recent());
        recent.add(new Room.RecentReply(member, key, step.room().version()));
        while (recent.size() > limit) {
            recent.remove(0);
        }
        return new Result(step.room().withRecent(recent), step.reply(), true, step.deliveries(), step.moves(),
                step.events(), step.expired());
    }
}
