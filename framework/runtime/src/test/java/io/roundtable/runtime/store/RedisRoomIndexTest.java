package io.roundtable.runtime.store;

import org.junit.jupiter.api.BeforeEach;

import io.roundtable.runtime.fixture.Configs;
import io.roundtable.runtime.fixture.LocalRedis;

/** The index contract against a real redis-server. */
class RedisRoomIndexTest extends RoomIndexContract {
    private final LocalRedis redis = LocalRedis.get();

    @BeforeEach
    void emptyRedis() {
        redis.flush();
    }

    @Override
    RoomIndex index() {
        return new RedisRoomIndex(redis.reactive(), Configs.of());
    }
}
