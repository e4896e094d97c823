package io.roundtable.runtime.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.roundtable.core.json.Json;
import io.roundtable.runtime.config.RoundtableConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * The room index in Redis: lobby cards in a hash, the lobby's order in sorted sets (every room and the
 * open ones, over all games and per game, by creation time), the sweep schedule in a sorted set. These
 * few keys are global (one slot each on a Cluster, and no command touches two of them); they are derived
 * data, refreshed after every change that alters them. A lobby listing reads a page of its sorted set and
 * those cards, so what it costs grows with its limit, not with the number of rooms.
 */
@ApplicationScoped
@Typed(RedisRoomIndex.class)
public class RedisRoomIndex implements RoomIndex {
    private static final String CLAIM = """
            local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id) end
            return ids
            """;
    private static final String CLAIM_THESE = """
            local ids = {}
            for i = 3, #ARGV do
              local due = redis.call('ZSCORE', KEYS[1], ARGV[i])
              if due and tonumber(due) <= tonumber(ARGV[1]) then
                redis.call('ZADD', KEYS[1], 'XX', ARGV[2], ARGV[i])
                ids[#ids + 1] = ARGV[i]
              end
            end
            return ids
            """;
    /** Ids read from a lobby order at a time (a query for fewer reads fewer). */
    private static final int PAGE = 200;
    private final ReactiveRedisDataSource redis;
    private final String prefix;

    public RedisRoomIndex(ReactiveRedisDataSource redis, RoundtableConfig config) {
        this.redis = redis;
        this.prefix = config.store().prefix();
    }

    @Override
    public Uni<Void> update(RoomCard card, Instant due) {
        String created = Long.toString(card.createdAt().toEpochMilli());
        List<Uni<Response>> writes = new ArrayList<>();
        writes.add(redis.execute("HSET", RoomKeys.cards(prefix), card.id(), Json.write(card)));
        for (String game : new String[] { null, card.game() }) {
            writes.add(redis.execute("ZADD", RoomKeys.lobby(prefix, game, false), created, card.id()));
            String open = RoomKeys.lobby(prefix, game, true);
            writes.add(card.open() ? redis.execute("ZADD", open, created, card.id()) : redis.execute("ZREM", open, card.id()));
        }
        writes.add(redis.execute("ZADD", RoomKeys.due(prefix), "LT", Long.toString(due.toEpochMilli()), card.id()));
        return Uni.join().all(writes).andFailFast().replaceWithVoid();
    }

    /** The card says which game's order also holds the room. */
    @Override
    public Uni<Void> remove(String room) {
        return redis.execute("HGET", RoomKeys.cards(prefix), room).chain(json -> {
            List<Uni<Response>> writes = new ArrayList<>();
            writes.add(redis.execute("ZREM", RoomKeys.lobby(prefix, null, false), room));
            writes.add(redis.execute("ZREM", RoomKeys.lobby(prefix, null, true), room));
            if (json != null) {
                String game = Json.read(json.toString(), RoomCard.class).game();
                writes.add(redis.execute("ZREM", RoomKeys.lobby(prefix, game, false), room));
                writes.add(redis.execute("ZREM", RoomKeys.lobby(prefix, game, true), room));
            }
            writes.add(redis.execute("ZREM", RoomKeys.due(prefix), room));
            return Uni.join().all(writes).andFailFast();
        }).chain(() -> redis.execute("HDEL", RoomKeys.cards(prefix), room)).replaceWithVoid();
    }

    /**
     * Reads the query's order a page at a time, newest first, with the cards of each page, until the
     * limit is reached: in one page unless the query asks for rooms that are not open.
     */
    @Override
    public Uni<List<RoomCard>> cards(LobbyQuery query) {
        String order = RoomKeys.lobby(prefix, query.game(), Boolean.TRUE.equals(query.open()));
        return page(order, query, 0, new ArrayList<>());
    }

    private Uni<List<RoomCard>> page(String order, LobbyQuery query, long start, List<RoomCard> found) {
        long size = Math.min(PAGE, (long) query.limit() - found.size());
        return redis.execute("ZREVRANGE", order, Long.toString(start), Long.toString(start + size - 1)).chain(ids -> {
            if (ids == null || ids.size() == 0) {
                return Uni.createFrom().item(found);
            }
            List<String> args = new ArrayList<>(List.of(RoomKeys.cards(prefix)));
            ids.forEach(id -> args.add(id.toString()));
            return redis.execute("HMGET", args.toArray(String[]::new)).chain(cards -> {
                for (Response json : cards) {
                    if (json != null && found.size() < query.limit()) {
                        RoomCard card = Json.read(json.toString(), RoomCard.class);
                        if (query.matches(card)) {
                            found.add(card);
                        }
                    }
                }
                return found.size() >= query.limit() || ids.size() < size ? Uni.createFrom().item(found)
                        : page(order, query, start + size, found);
            });
        });
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

    @Override
    public Uni<Void> reschedule(String room, Instant at) {
        return redis.execute("ZADD", RoomKeys.due(prefix), "XX", Long.toString(at.toEpochMilli()), room).replaceWithVoid();
    }

    @Override
    public Uni<List<String>> claimDue(Collection<String> rooms, Instant dueBy, Instant next) {
        if (rooms.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> args = new ArrayList<>(List.of(CLAIM_THESE, "1", RoomKeys.due(prefix),
                Long.toString(dueBy.toEpochMilli()), Long.toString(next.toEpochMilli())));
        args.addAll(rooms);
        return redis.execute("EVAL", args.toArray(String[]::new)).map(RedisRoomIndex::strings);
    }

    private static List<String> strings(Response response) {
        List<String> ids = new ArrayList<>();
        if (response != null) {
            response.forEach(item -> ids.add(item.toString()));
        }
        return ids;
    }
}
