package io.roundtable.runtime.store;

import static io.roundtable.runtime.store.RoomStoreContract.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.Result;
import io.roundtable.core.room.Room;

import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.fixture.Configs;
import io.roundtable.runtime.fixture.LocalRedis;
import io.roundtable.runtime.fixture.Steps;

/** The store contract against a real redis-server, through the same Quarkus Redis client the app uses. */
class RedisRoomStoreTest extends RoomStoreContract {
    private final LocalRedis redis = LocalRedis.get();
    private final Steps steps = new Steps(Configs.of());

    @BeforeEach
    void emptyRedis() {
        redis.flush();
    }

    @Override
    RoomStore store(RoundtableConfig config) {
        return new RedisRoomStore(redis.reactive(), redis.blocking(), config);
    }

    @Test
    void a_change_sends_redis_what_changed_and_the_whole_room_only_when_a_snapshot_is_due() {
        RoundtableConfig config = Configs.of("roundtable.store.history", "4");
        RoomStore store = store(config);
        RoomKeys keys = new RoomKeys(config.store().prefix(), "r1");
        Result step = steps.created("r1");
        await(store.commit(null, step, "node"));
        String created = redis.blocking().value(String.class).get(keys.doc());
        for (int i = 2; i <= 3; i++) {
            Room before = step.room();
            step = steps.watched(step, "Spectator " + i);
            await(store.commit(before, step, "node"));
        }

        assertThat(redis.blocking().value(String.class).get(keys.doc())).as("no snapshot between")
                .isEqualTo(created);
        List<String> log = redis.blocking().list(String.class).lrange(keys.log(), 0, -1);
        assertThat(log).hasSize(2);
        assertThat(log.get(1)).startsWith("3 ").hasSizeLessThan(Json.write(step.room()).length());
        Room before = step.room();
        step = steps.watched(step, "Spectator 4");
        await(store.commit(before, step, "node"));
        assertThat(Json.read(redis.blocking().value(String.class).get(keys.doc()), Room.class))
                .as("version 4 is written whole").isEqualTo(step.room());
        assertThat(redis.blocking().value(String.class).get(keys.previous())).as("the snapshot before kept")
                .isEqualTo(created);
    }

    @Test
    void every_key_of_a_room_expires_and_its_expiry_is_renewed_once_half_of_it_has_passed() throws Exception {
        RoundtableConfig config = Configs.of("roundtable.store.room-ttl", "4s");
        RoomStore store = store(config);
        RoomKeys keys = new RoomKeys(config.store().prefix(), "r1");
        Result step = steps.created("r1");
        await(store.commit(null, step, "node"));
        Room before = step.room();
        step = steps.watched(step, "Spectator");
        await(store.commit(before, step, "node"));
        List<String> all = List.of(keys.version(), keys.log(), keys.doc());
        assertThat(all).allSatisfy(key -> assertThat(redis.blocking().key().pttl(key)).isBetween(1L, 4000L));

        Thread.sleep(2200);
        before = step.room();
        step = steps.watched(step, "Another spectator");
        await(store.commit(before, step, "node"));

        assertThat(all).allSatisfy(key -> assertThat(redis.blocking().key().pttl(key)).as(key).isGreaterThan(3000L));
    }

    @Test
    void with_a_replica_required_and_none_there_a_change_is_neither_confirmed_nor_announced() throws Exception {
        RoomStore store = store(Configs.of("roundtable.store.replicas", "1", "roundtable.store.replica-wait", "100ms"));
        BlockingQueue<Notice> heard = new LinkedBlockingQueue<>();
        await(store.subscribe(heard::add, why -> { }));
        await(store.follow("r1"));

        Throwable failure = catchThrowable(() -> await(store.commit(null, steps.created("r1"), "node")));

        assertThat(failure).isInstanceOf(Unconfirmed.class).hasMessageContaining("0 of 1 replicas");
        assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).as("no notice").isNull();
        assertThat(catchThrowable(() -> await(store.confirm("r1")))).as("answered again: still not on a replica")
                .isInstanceOf(Unconfirmed.class);
        assertThat(await(store(Configs.of()).confirm("r1"))).as("no replica required").isNull();
    }
}
