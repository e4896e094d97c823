package io.roundtable.runtime.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.roundtable.core.json.Json;
import io.roundtable.runtime.config.RoundtableConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * The room index in Redis: lobby cards in a hash, the sweep schedule in a sorted set. These few keys are
 * global (one slot each on a Cluster); they are derived data, refreshed after every change.
 */
@ApplicationScoped
@Typed(RedisRoomIndex.class)
public class RedisRoomIndex implements RoomIndex {
    private static final String CLAIM = """
            local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id) end
            return ids
            """;
    private final ReactiveRedisDataSource redis;
    private final String prefix;

    public RedisRoomIndex(ReactiveRedisDataSource redis, RoundtableConfig config) {
        this.redis = redis;
        this.prefix = config.store().prefix();
    }

    @Override
    public Uni<Void> update(RoomCard card, Instant due) {
        return redis.hash(String.class).hset(RoomKeys.cards(prefix), card.id(), Json.write(card))
                .chain(() -> redis.execute("ZADD", RoomKeys.due(prefix), "LT", Long.toString(due.toEpochMilli()),
                        card.id()))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> remove(String room) {
        return redis.hash(String.class).hdel(RoomKeys.cards(prefix), room)
                .chain(() -> redis.sortedSet(String.class).zrem(RoomKeys.due(prefix), room))
                .replaceWithVoid();
    }

    @Override
    public Uni<List<RoomCard>> cards() {
        return redis.hash(String.class).hgetall(RoomKeys.cards(prefix)).map(all -> all.values().stream()
                .map(json -> Json.read(json, RoomCard.class))
                .sorted(Comparator.comparing(RoomCard::createdAt).reversed())
                .toList());
    }

    @Override
    public Uni<Long> liveRooms() {
        return redis.hash(String.class).hlen(RoomKeys.cards(prefix));
    }

    /** One Lua step: the due rooms are claimed and rescheduled atomically. */
    @Override
    public Uni<List<String>> claimDue(Instant now, Instant next, int batch) {
        return redis.execute("EVAL", CLAIM, "1", RoomKeys.due(prefix), Long.toString(now.toEpochMilli()),
                Long.toString(next.toEpochMilli()), Integer.toString(batch))
                .map(RedisRoomIndex::strings);
    }

    private static List<String> strings(Response response) {
        List<String> ids = new ArrayList<>();
        if (response != null) {
            response.forEach(item -> ids.add(item.toString()));
        }
        return ids;
    }
}
