package io.roundtable.runtime.store;

import io.roundtable.runtime.config.RoundtableConfig;

class InMemoryRoomStoreTest extends RoomStoreContract {

    @Override
    RoomStore store(RoundtableConfig config) {
        return new InMemoryRoomStore(config);
    }
}
