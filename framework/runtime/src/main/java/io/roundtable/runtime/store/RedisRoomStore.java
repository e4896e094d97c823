package io.roundtable.runtime.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.roundtable.core.json.Json;
import io.roundtable.core.message.Delivery;
import io.roundtable.core.message.Message;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.Result;
import io.roundtable.core.view.RoomPatch;
import io.roundtable.runtime.config.RoundtableConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Live rooms in Redis: the room (a snapshot now and then and a log of changes, {@link RoomLog}), its
 * version, move log, inboxes and heartbeats, all under the room's hash tag ({@link RoomKeys}). A change
 * is committed by one Lua script that compares the version, appends what changed and announces the
 * change — atomically; a room is read by another script, so that no commit falls between its parts. Every
 * node of a cluster shares it; a room's keys expire between half of {@code roundtable.store.room-ttl} and
 * all of it after its last change.
 */
@ApplicationScoped
@Typed(RedisRoomStore.class)
public class RedisRoomStore implements RoomStore {
    private final ReactiveRedisDataSource redis;
    private final RedisDataSource blocking;
    private final RoundtableConfig.Store config;
    private final Script commitScript = new Script("commit.lua");
    private final Script readScript = new Script("read.lua");
    private final NoticeChannels channels;

    public RedisRoomStore(ReactiveRedisDataSource redis, RedisDataSource blocking, RoundtableConfig config) {
        this.redis = redis;
        this.blocking = blocking;
        this.config = config.store();
        this.channels = new NoticeChannels(redis.getRedis(), this.config.followWait());
    }

    RoomKeys keys(String room) {
        return new RoomKeys(config.prefix(), room);
    }

    @Override
    public Uni<Room> load(String room) {
        return read(room, false).map(stored -> RoomLog.replay(stored.snapshot(), stored.log()));
    }

    /** A room's snapshots and log, read at one instant. */
    private record Stored(String snapshot, String previous, List<String> log) {
    }

    private Uni<Stored> read(String room, boolean withPrevious) {
        RoomKeys keys = keys(room);
        return eval(readScript, List.of(keys.doc(), keys.previous(), keys.log()), List.of(withPrevious ? "1" : "0"))
                .map(replies -> replies.get(0)).map(r -> {
                    List<String> log = new ArrayList<>(r.get(2).size());
                    r.get(2).forEach(entry -> log.add(entry.toString()));
                    return new Stored(text(r.get(0)), text(r.get(1)), log);
                });
    }

    private static String text(Response response) {
        return response == null ? null : response.toString();
    }

    /**
     * Sends what changed: the log entry (the patch from {@code before}), and the whole room only when a
     * snapshot is due ({@link RoomLog}); the notice carries the same patch to the other nodes.
     */
    @Override
    public Uni<Boolean> commit(Room before, Result step, String node) {
        Room room = step.room();
        RoomKeys keys = keys(room.id());
        String patch = before == null ? null : RoomPatch.between(before, room);
        boolean snapshot = before == null || RoomLog.snapshotDue(room.version(), config.history());
        List<String> args = new ArrayList<>();
        List<String> keyList = new ArrayList<>(List.of(keys.version(), keys.log(), keys.doc(), keys.previous(),
                keys.moves()));
        args.add(before == null ? "" : Long.toString(before.version()));
        args.add(Long.toString(room.version()));
        args.add(patch == null ? "" : RoomLog.entry(room.version(), patch));
        args.add(snapshot ? Json.write(room) : "");
        args.add(Long.toString(config.roomTtl().toMillis()));
        args.add(Integer.toString(RoomLog.kept(config.history())));
        args.add(Integer.toString(config.inboxLength()));
        boolean waits = config.replicas() > 0;
        String notice = Json.write(new Notice(room.id(), room.version(), node, step.deliveries(), step.events(), patch));
        args.add(waits ? "" : keys.changes());
        args.add(notice);
        args.add(Integer.toString(step.moves().size()));
        step.moves().forEach(move -> args.add(Json.write(move)));
        for (Delivery delivery : step.deliveries()) {
            keyList.add(keys.inbox(delivery.member()));
            args.add(Json.write(delivery.message()));
        }
        if (!waits) {
            return eval(commitScript, keyList, args).map(replies -> replies.get(0).toInteger() == 1);
        }
        return eval(commitScript, keyList, args, waitForReplicas()).chain(replies -> {
            if (replies.get(0).toInteger() != 1) {
                return Uni.createFrom().item(false);
            }
            int copies = replies.get(1).toInteger();
            if (copies < config.replicas()) {
                return Uni.createFrom().failure(new Unconfirmed(room.id(), room.version(), copies, config.replicas()));
            }
            return redis.getRedis().send(Request.cmd(Command.SPUBLISH).arg(keys.changes()).arg(notice)).replaceWith(true);
        });
    }

    /**
     * {@code WAIT} counts the replicas that have this connection's last write, and replication is one
     * ordered stream: a small write to the room's slot followed by {@code WAIT}, on one connection to the
     * room's master, confirms every earlier change of the room.
     */
    @Override
    public Uni<Void> confirm(String room) {
        if (config.replicas() <= 0) {
            return Uni.createFrom().voidItem();
        }
        Request mark = Request.cmd(Command.SET).arg(keys(room).confirmed()).arg("1").arg("PX").arg(60_000L);
        return redis.getRedis().batch(List.of(mark, waitForReplicas())).chain(replies -> {
            int copies = replies.get(1).toInteger();
            return copies >= config.replicas() ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(new Unconfirmed(room, -1, copies, config.replicas()));
        });
    }

    private Request waitForReplicas() {
        return Request.cmd(Command.WAIT).arg(config.replicas()).arg(config.replicaWait().toMillis());
    }

    /**
     * Runs a script by its SHA (loading it first, and again after a Redis restart forgot it), followed by
     * {@code then} in the same batch: one connection, to the node of the script's keys on a Cluster. The
     * replies in order, the script's first.
     */
    private Uni<List<Response>> eval(Script script, List<String> keyList, List<String> args, Request... then) {
        Uni<String> sha = script.sha != null ? Uni.createFrom().item(script.sha)
                : redis.execute("SCRIPT", "LOAD", script.text).map(r -> script.sha = r.toString());
        return sha.chain(s -> batch(Command.EVALSHA, s, keyList, args, then))
                .onFailure(e -> String.valueOf(e.getMessage()).contains("NOSCRIPT"))
                .recoverWithUni(() -> batch(Command.EVAL, script.text, keyList, args, then));
    }

    private Uni<List<Response>> batch(Command command, String first, List<String> keyList, List<String> args,
            Request... then) {
        Request script = Request.cmd(command).arg(first).arg(keyList.size());
        keyList.forEach(script::arg);
        args.forEach(script::arg);
        List<Request> batch = new ArrayList<>(List.of(script));
        batch.addAll(List.of(then));
        return redis.getRedis().batch(batch);
    }

    /** A Lua script of this store and, once loaded, its SHA. */
    private static final class Script {
        final String text;
        volatile String sha;

        Script(String name) {
            this.text = resource(name);
        }
    }

    @Override
    public Uni<List<Message>> inbox(String room, String member) {
        return redis.list(String.class).lrange(keys(room).inbox(member), 0, -1)
                .map(list -> list.stream().map(json -> Json.read(json, Message.class)).toList());
    }

    @Override
    public Uni<List<Move>> moves(String room) {
        return redis.list(String.class).lrange(keys(room).moves(), 0, -1)
                .map(list -> list.stream().map(json -> Json.read(json, Move.class)).toList());
    }

    @Override
    public Uni<List<Room>> history(String room) {
        return read(room, true).map(stored -> RoomLog.recent(stored.previous(), stored.snapshot(), stored.log(),
                config.history()));
    }

    @Override
    public Uni<Void> heartbeat(String room, String member, Instant at) {
        String key = keys(room).seen();
        return redis.hash(String.class).hset(key, member, Long.toString(at.toEpochMilli()))
                .chain(() -> redis.key().pexpire(key, config.roomTtl().toMillis())).replaceWithVoid();
    }

    @Override
    public Uni<Map<String, Instant>> seen(String room) {
        return redis.hash(String.class).hgetall(keys(room).seen()).map(all -> {
            Map<String, Instant> seen = new HashMap<>();
            all.forEach((member, millis) -> seen.put(member, Instant.ofEpochMilli(Long.parseLong(millis))));
            return seen;
        });
    }

    /** Removes a room's keys (its version key last, so a racing commit cannot resurrect half a room). */
    @Override
    public Uni<Void> delete(String room, List<String> members) {
        RoomKeys keys = keys(room);
        List<String> all = new ArrayList<>(List.of(keys.doc(), keys.previous(), keys.log(), keys.moves(), keys.seen(),
                keys.archived(), keys.confirmed()));
        members.forEach(m -> all.add(keys.inbox(m)));
        return redis.key().del(all.toArray(String[]::new))
                .chain(() -> redis.key().del(keys.version()))
                .replaceWithVoid();
    }

    @Override
    public Uni<Instant> archivedAt(String room) {
        return redis.value(String.class).get(keys(room).archived())
                .map(value -> value == null ? null : Instant.ofEpochMilli(Long.parseLong(value)));
    }

    /** The flag lives in the room's slot and expires with its other keys. */
    @Override
    public Uni<Void> markArchived(String room, Instant at) {
        return redis.value(String.class).set(keys(room).archived(), Long.toString(at.toEpochMilli()),
                new SetArgs().nx().px(config.roomTtl()));
    }

    @Override
    public String sharedSecret(String proposed) {
        String key = RoomKeys.secret(config.prefix());
        blocking.value(String.class).setnx(key, proposed);
        return blocking.value(String.class).get(key);
    }

    /** Each room's notices travel on its own sharded channel ({@link NoticeChannels}). */
    @Override
    public Uni<Void> subscribe(Consumer<Notice> listener, Consumer<String> lost) {
        return channels.subscribe(listener, lost);
    }

    @Override
    public Uni<Void> follow(String room) {
        return channels.follow(keys(room).changes());
    }

    @Override
    public void unfollow(String room) {
        channels.unfollow(keys(room).changes());
    }

    private static String resource(String name) {
        try (InputStream in = RedisRoomStore.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the runtime jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
