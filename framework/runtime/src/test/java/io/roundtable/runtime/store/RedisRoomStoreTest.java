package io.roundtable.runtime.store;

import org.junit.jupiter.api.BeforeEach;

import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.fixture.LocalRedis;

/** The store contract against a real redis-server, through the same Quarkus Redis client the app uses. */
class RedisRoomStoreTest extends RoomStoreContract {
    private final LocalRedis redis = LocalRedis.get();

    @BeforeEach
    void emptyRedis() {
        redis.flush();
    }

    @Override
    RoomStore store(RoundtableConfig config) {
        return new RedisRoomStore(redis.reactive(), redis.blocking(), config);
    }
}
