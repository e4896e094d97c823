package io.roundtable.runtime.store;

class InMemoryRoomIndexTest extends RoomIndexContract {

    @Override
    RoomIndex index() {
        return new InMemoryRoomIndex();
    }
}
