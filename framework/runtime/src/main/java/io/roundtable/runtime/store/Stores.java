package io.roundtable.runtime.store;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.config.RoundtableConfig.Store.Kind;

/**
 * The live-room store and the room index of this node, as {@code roundtable.store.kind} says: in Redis
 * (the default), or in this process's memory.
 */
public class Stores {

    @Produces
    @Singleton
    RoomStore roomStore(RoundtableConfig config, Instance<RedisRoomStore> redis) {
        return config.store().kind() == Kind.MEMORY ? new InMemoryRoomStore(config) : redis.get();
    }

    @Produces
    @Singleton
    RoomIndex roomIndex(RoundtableConfig config, Instance<RedisRoomIndex> redis) {
        return config.store().kind() == Kind.MEMORY ? new InMemoryRoomIndex() : redis.get();
    }
}
