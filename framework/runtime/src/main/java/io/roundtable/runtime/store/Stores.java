package io.roundtable.runtime.store;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The live-room store and the room index of this node. */
public class Stores {

    @Produces
    @Singleton
    RoomStore roomStore(Instance<RedisRoomStore> redis) {
        return redis.get();
    }

    @Produces
    @Singleton
    RoomIndex roomIndex(Instance<RedisRoomIndex> redis) {
        return redis.get();
    }
}
