package io.roundtable.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.roundtable.core.room.Phase;
import io.roundtable.demo.support.TestPlayer;
import io.roundtable.runtime.store.InMemoryRoomIndex;
import io.roundtable.runtime.store.InMemoryRoomStore;
import io.roundtable.runtime.store.RoomCard;
import io.roundtable.runtime.store.RoomIndex;
import io.roundtable.runtime.store.RoomStore;

/**
 * {@code roundtable.store.kind=memory}: the node keeps its rooms in its own memory. The test's Redis is
 * still there (so that this profile starts the same embedded servers as every other), and the proof is
 * that none of the room's keys ever reaches it. Its own profile restarts Quarkus, so it stays one test.
 */
@QuarkusTest
@TestProfile(InMemoryStoreTest.MemoryOnly.class)
class InMemoryStoreTest {

    public static class MemoryOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("roundtable.store.kind", "memory");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URI uri;

    @Inject
    RoomStore store;

    @Inject
    RoomIndex index;

    @Inject
    ReactiveRedisDataSource redis;

    @Test
    void a_room_is_listed_played_to_the_end_and_archived_without_a_key_in_redis() {
        assertThat(store).isInstanceOf(InMemoryRoomStore.class);
        assertThat(index).isInstanceOf(InMemoryRoomIndex.class);
        String base = uri.toString().replaceAll("/$", "");
        String room = TestPlayer.createRoom(base, "guess", null, 0);
        TestPlayer ann = TestPlayer.join(base, room, "Ann", false).connect(RoomFlowTest.ORIGIN);
        TestPlayer bob = TestPlayer.join(base, room, "Bob", false).connect(RoomFlowTest.ORIGIN);
        assertThat(index.cards().await().atMost(WAIT)).extracting(RoomCard::id).contains(room);

        ann.ok("POST", "/ready", "{\"ready\":true}");
        bob.ok("POST", "/ready", "{\"ready\":true}");
        ann.awaitFrame(f -> f.at("/room/phase").asText().equals("PLAY"), WAIT);
        bob.awaitFrame(f -> f.at("/room/phase").asText().equals("PLAY"), WAIT);
        RoomFlowTest.playToTheEnd(ann, bob);

        ann.awaitFrame(f -> f.at("/room/phase").asText().equals("FINISHED"), WAIT);
        assertThat(store.load(room).await().atMost(WAIT).phase()).isEqualTo(Phase.FINISHED);
        long end = System.nanoTime() + WAIT.toNanos();
        while (store.archivedAt(room).await().atMost(WAIT) == null) {
            assertThat(System.nanoTime()).as("the finished match is archived in time").isLessThan(end);
            ArchiveTest.sleep(100);
        }
        assertThat(redis.key().keys("*" + room + "*").await().atMost(WAIT))
                .as("nothing of the room was written to Redis").isEmpty();
    }
}
