package io.roundtable.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.roundtable.core.json.Json;
import io.roundtable.core.message.Delivery;
import io.roundtable.core.message.Message;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.Result;
import io.roundtable.core.view.RoomPatch;
import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.fixture.Configs;
import io.roundtable.runtime.fixture.Steps;
import io.smallrye.mutiny.Uni;

/**
 * What the runtime relies on of a live-room store, whatever keeps the rooms: written once here, run
 * against every implementation.
 */
abstract class RoomStoreContract {
    static final Duration WAIT = Duration.ofSeconds(10);
    private final Steps steps = new Steps(Configs.of());

    /** An empty store with this configuration. */
    abstract RoomStore store(RoundtableConfig config);

    private RoomStore store() {
        return store(Configs.of());
    }

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    /** The same step, with these moves and deliveries as well. */
    private static Result with(Result step, List<Move> moves, List<Delivery> deliveries) {
        return new Result(step.room(), step.reply(), true, deliveries, moves, step.events(), false);
    }

    private static Move move(long index, Room room) {
        return new Move(index, Move.ACT, 0, Json.tree(new int[] { (int) index }), "player", room.updatedAt(),
                room.version());
    }

    private static Delivery delivery(String member, long seq) {
        return new Delivery(member, new Message(seq, "id" + seq, "m1", "Ann", null, "message " + seq,
                Instant.ofEpochMilli(1_800_000_000_000L + seq)));
    }

    /** A room of {@code versions} versions, each one committed in turn. */
    private Result committed(RoomStore store, String room, int versions) {
        Result step = steps.created(room);
        assertThat(await(store.commit(null, step, "node"))).isTrue();
        for (int i = 2; i <= versions; i++) {
            Room before = step.room();
            step = steps.watched(step, "Spectator " + i);
            assertThat(await(store.commit(before, step, "node"))).isTrue();
        }
        return step;
    }

    @Test
    void a_room_never_written_is_not_there_and_has_nothing() {
        RoomStore store = store();

        assertThat(await(store.load("nowhere"))).isNull();
        assertThat(await(store.moves("nowhere"))).isEmpty();
        assertThat(await(store.history("nowhere"))).isEmpty();
        assertThat(await(store.inbox("nowhere", "m1"))).isEmpty();
        assertThat(await(store.seen("nowhere"))).isEmpty();
        assertThat(await(store.archivedAt("nowhere"))).isNull();
    }

    @Test
    void a_new_room_is_written_once_and_loaded_as_it_was_decided() {
        RoomStore store = store();
        Result created = steps.created("r1");

        assertThat(await(store.commit(null, created, "node"))).isTrue();
        assertThat(await(store.commit(null, steps.created("r1"), "node"))).as("a second room of the same id").isFalse();
        assertThat(await(store.load("r1"))).isEqualTo(created.room());
    }

    @Test
    void nothing_is_written_until_the_commit_is_subscribed_to() {
        RoomStore store = store();
        Uni<Boolean> commit = store.commit(null, steps.created("r1"), "node");

        assertThat(await(store.load("r1"))).isNull();
        assertThat(await(commit)).isTrue();
        assertThat(await(store.load("r1"))).isNotNull();
    }

    @Test
    void a_change_decided_on_the_stored_version_is_written() {
        RoomStore store = store();
        Result created = committed(store, "r1", 1);
        Result joined = steps.joined(created, "Ann");

        assertThat(await(store.commit(created.room(), joined, "node"))).isTrue();
        assertThat(await(store.load("r1"))).isEqualTo(joined.room());
    }

    @Test
    void a_change_decided_on_an_old_version_is_refused_and_nothing_of_it_is_stored() {
        RoomStore store = store();
        Result created = committed(store, "r1", 1);
        Result first = steps.joined(created, "Ann");
        assertThat(await(store.commit(created.room(), first, "node"))).isTrue();
        Result late = with(steps.joined(created, "Bob"), List.of(move(0, first.room())), List.of(delivery("m1", 1)));

        assertThat(await(store.commit(created.room(), late, "node"))).isFalse();
        assertThat(await(store.load("r1"))).isEqualTo(first.room());
        assertThat(await(store.moves("r1"))).isEmpty();
        assertThat(await(store.inbox("r1", "m1"))).isEmpty();
        assertThat(await(store.history("r1"))).extracting(Room::version).containsExactly(2L, 1L);
    }

    @Test
    void a_change_to_a_room_that_is_not_there_is_refused() {
        RoomStore store = store();
        Result created = steps.created("r1");

        assertThat(await(store.commit(created.room(), steps.joined(created, "Ann"), "node"))).isFalse();
        assertThat(await(store.load("r1"))).isNull();
    }

    @Test
    void of_changes_racing_from_the_same_version_exactly_one_is_written() throws Exception {
        RoomStore store = store();
        Result created = committed(store, "r1", 1);
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Result step = steps.joined(created, "Racer " + i);
            racers.add(() -> await(store.commit(created.room(), step, "node")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        List<Boolean> written = new ArrayList<>();
        try {
            for (Future<Boolean> result : pool.invokeAll(racers)) {
                written.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(written).filteredOn(w -> w).hasSize(1);
        assertThat(await(store.load("r1")).version()).isEqualTo(2);
    }

    @Test
    void moves_are_appended_to_the_log_in_the_order_of_the_commits() {
        RoomStore store = store();
        Result created = committed(store, "r1", 1);
        Result second = steps.joined(created, "Ann");
        Result third = steps.joined(second, "Bob");

        await(store.commit(created.room(), with(second, List.of(move(0, second.room()), move(1, second.room())),
                List.of()), "node"));
        await(store.commit(second.room(), with(third, List.of(move(2, third.room())), List.of()), "node"));

        assertThat(await(store.moves("r1"))).extracting(Move::index).containsExactly(0L, 1L, 2L);
        assertThat(await(store.moves("r1")).get(2)).isEqualTo(move(2, third.room()));
    }

    @Test
    void recent_versions_are_kept_newest_first_up_to_the_configured_number() {
        RoomStore store = store(Configs.of("roundtable.store.history", "3"));
        Result last = committed(store, "r1", 5);

        assertThat(await(store.history("r1"))).extracting(Room::version).containsExactly(5L, 4L, 3L);
        assertThat(await(store.history("r1")).get(0)).isEqualTo(last.room());
    }

    @Test
    void a_room_of_many_versions_loads_as_its_last_and_its_recent_versions_as_they_were_committed() {
        RoomStore store = store(Configs.of("roundtable.store.history", "4"));
        List<Room> committed = new ArrayList<>();
        Result step = steps.created("r1");
        assertThat(await(store.commit(null, step, "node"))).isTrue();
        committed.add(step.room());
        for (int i = 2; i <= 23; i++) {
            Room before = step.room();
            step = steps.watched(step, "Spectator " + i);
            assertThat(step.room().version()).isEqualTo(i);
            assertThat(await(store.commit(before, step, "node"))).isTrue();
            committed.add(step.room());
            assertThat(await(store.load("r1"))).as("the room at version %d", i).isEqualTo(step.room());
        }

        List<Room> newestFirst = new ArrayList<>(committed.subList(19, 23));
        Collections.reverse(newestFirst);
        assertThat(await(store.history("r1"))).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void no_recent_versions_are_kept_when_the_history_is_zero() {
        RoomStore store = store(Configs.of("roundtable.store.history", "0"));
        committed(store, "r1", 3);

        assertThat(await(store.history("r1"))).isEmpty();
    }

    @Test
    void an_inbox_keeps_the_last_messages_oldest_first_up_to_the_configured_length() {
        RoomStore store = store(Configs.of("roundtable.store.inbox-length", "3"));
        Result step = committed(store, "r1", 1);
        for (long seq = 1; seq <= 5; seq++) {
            Result next = steps.watched(step, "Guest " + seq);
            await(store.commit(step.room(), with(next, List.of(), List.of(delivery("m1", seq))), "node"));
            step = next;
        }

        assertThat(await(store.inbox("r1", "m1"))).extracting(Message::seq).containsExactly(3L, 4L, 5L);
        assertThat(await(store.inbox("r1", "m1")).get(2)).isEqualTo(delivery("m1", 5).message());
    }

    @Test
    void each_member_has_an_inbox_of_their_own() {
        RoomStore store = store();
        Result created = committed(store, "r1", 1);
        Result next = with(steps.joined(created, "Ann"), List.of(),
                List.of(delivery("m1", 1), delivery("m2", 1), delivery("m1", 2)));

        await(store.commit(created.room(), next, "node"));

        assertThat(await(store.inbox("r1", "m1"))).extracting(Message::seq).containsExactly(1L, 2L);
        assertThat(await(store.inbox("r1", "m2"))).extracting(Message::seq).containsExactly(1L);
        assertThat(await(store.inbox("r1", "m3"))).isEmpty();
    }

    @Test
    void the_last_heartbeat_of_each_member_is_kept_apart_from_the_room() {
        RoomStore store = store();
        Result created = committed(store, "r1", 1);
        Instant early = Instant.ofEpochMilli(1_000_000);
        Instant late = Instant.ofEpochMilli(2_000_000);

        await(store.heartbeat("r1", "m1", early));
        await(store.heartbeat("r1", "m2", early));
        await(store.heartbeat("r1", "m1", late));

        assertThat(await(store.seen("r1"))).containsOnly(entry("m1", late), entry("m2", early));
        assertThat(await(store.load("r1"))).isEqualTo(created.room());
    }

    @Test
    void a_deleted_room_leaves_nothing_behind_and_its_id_can_be_used_again() {
        RoomStore store = store();
        Result created = committed(store, "r1", 1);
        await(store.commit(created.room(), with(steps.joined(created, "Ann"), List.of(move(0, created.room())),
                List.of(delivery("m1", 1))), "node"));
        await(store.heartbeat("r1", "m1", Instant.now()));
        await(store.markArchived("r1", Instant.now()));

        await(store.delete("r1", List.of("m1")));

        assertThat(await(store.load("r1"))).isNull();
        assertThat(await(store.moves("r1"))).isEmpty();
        assertThat(await(store.history("r1"))).isEmpty();
        assertThat(await(store.inbox("r1", "m1"))).isEmpty();
        assertThat(await(store.seen("r1"))).isEmpty();
        assertThat(await(store.archivedAt("r1"))).isNull();
        assertThat(await(store.commit(null, steps.created("r1"), "node"))).isTrue();
    }

    @Test
    void a_room_is_archived_once_marked_and_the_first_mark_is_kept() {
        RoomStore store = store();
        committed(store, "r1", 1);
        Instant first = Instant.ofEpochMilli(1_700_000_000_000L);

        assertThat(await(store.archivedAt("r1"))).isNull();
        await(store.markArchived("r1", first));
        await(store.markArchived("r1", first.plusSeconds(60)));

        assertThat(await(store.archivedAt("r1"))).isEqualTo(first);
    }

    @Test
    void the_first_secret_proposed_is_the_one_every_later_proposal_gets() {
        RoomStore store = store();

        assertThat(store.sharedSecret("first")).isEqualTo("first");
        assertThat(store.sharedSecret("second")).isEqualTo("first");
    }

    @Test
    void a_written_change_is_announced_with_its_deliveries_and_a_refused_one_is_not() throws Exception {
        RoomStore store = store();
        BlockingQueue<Notice> heard = new LinkedBlockingQueue<>();
        await(store.subscribe(heard::add, why -> { }));
        await(store.follow("r1"));
        Result created = steps.created("r1");
        Result joined = with(steps.joined(created, "Ann"), List.of(), List.of(delivery("m1", 1)));

        await(store.commit(null, created, "node-a"));
        await(store.commit(created.room(), joined, "node-b"));
        await(store.commit(created.room(), steps.joined(created, "Bob"), "node-c"));

        Notice first = heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        Notice second = heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(List.of(first.room(), first.version(), first.node())).containsExactly("r1", 1L, "node-a");
        assertThat(List.of(second.room(), second.version(), second.node())).containsExactly("r1", 2L, "node-b");
        assertThat(second.deliveries()).isEqualTo(joined.deliveries());
        assertThat(first.patch()).as("a new room has no patch").isNull();
        assertThat(RoomPatch.applied(created.room(), second.patch())).as("what changed, applied to the room before")
                .isEqualTo(joined.room());
        await(store.commit(joined.room(), steps.joined(joined, "Cid"), "node-d"));
        assertThat(heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS).node()).as("the next notice heard")
                .isEqualTo("node-d");
    }

    @Test
    void only_the_changes_of_followed_rooms_are_heard() throws Exception {
        RoomStore store = store();
        BlockingQueue<Notice> heard = new LinkedBlockingQueue<>();
        await(store.follow("r1"));
        await(store.subscribe(heard::add, why -> { }));
        await(store.follow("r3"));
        Result one = steps.created("r1");
        Result two = steps.created("r2");
        Result three = steps.created("r3");

        await(store.commit(null, one, "node"));
        await(store.commit(null, two, "node"));
        await(store.commit(null, three, "node"));
        store.unfollow("r1");
        await(store.commit(null, steps.created("r4"), "node"));
        await(store.commit(one.room(), steps.joined(one, "Ann"), "node"));
        await(store.follow("r4"));
        await(store.commit(three.room(), steps.joined(three, "Bob"), "node"));

        List<String> rooms = new ArrayList<>();
        for (Notice notice = heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS); notice != null;
                notice = heard.poll(300, TimeUnit.MILLISECONDS)) {
            rooms.add(notice.room() + "@" + notice.version());
        }
        assertThat(rooms).as("followed before and after subscribing; not once unfollowed, nor before followed")
                .containsExactly("r1@1", "r3@1", "r3@2");
    }
}
