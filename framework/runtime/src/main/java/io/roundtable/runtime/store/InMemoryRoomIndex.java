package io.roundtable.runtime.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * The room index in this process's memory, with the semantics of {@link RedisRoomIndex}. For tests and
 * single-node experiments: nothing survives a restart and other nodes see nothing of it. Thread-safe.
 */
public class InMemoryRoomIndex implements RoomIndex {
    private final Map<String, RoomCard> cards = new HashMap<>();
    /** Epoch milliseconds, as the scores of the Redis schedule. */
    private final Map<String, Long> due = new HashMap<>();

    @Override
    public synchronized Uni<Void> update(RoomCard card, Instant next) {
        cards.put(card.id(), card);
        due.merge(card.id(), next.toEpochMilli(), Math::min);
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<Void> remove(String room) {
        cards.remove(room);
        due.remove(room);
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<List<RoomCard>> cards(LobbyQuery query) {
        return Uni.createFrom().item(cards.values().stream().filter(query::matches)
                .sorted(Comparator.comparing(RoomCard::createdAt).reversed().thenComparing(RoomCard::id,
                        Comparator.reverseOrder()))
                .limit(query.limit()).toList());
    }

    @Override
    public synchronized Uni<Long> liveRooms() {
        return Uni.createFrom().item((long) cards.size());
    }

    /** Earliest first, ties by room id, as a Redis sorted set orders them. */
    @Override
    public synchronized Uni<List<String>> claimDue(Instant now, Instant next, int batch) {
        List<String> claimed = due.entrySet().stream().filter(e -> e.getValue() <= now.toEpochMilli())
                .sorted(Map.Entry.<String, Long> comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(batch).map(Map.Entry::getKey).toList();
        claimed.forEach(room -> due.put(room, next.toEpochMilli()));
        return Uni.createFrom().item(claimed);
    }

    @Override
    public synchronized Uni<Void> reschedule(String room, Instant at) {
        due.computeIfPresent(room, (id, old) -> at.toEpochMilli());
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<List<String>> claimDue(Collection<String> rooms, Instant dueBy, Instant next) {
        List<String> claimed = rooms.stream().filter(room -> due.containsKey(room) && due.get(room) <= dueBy.toEpochMilli())
                .toList();
        claimed.forEach(room -> due.put(room, next.toEpochMilli()));
        return Uni.createFrom().item(claimed);
    }
}
