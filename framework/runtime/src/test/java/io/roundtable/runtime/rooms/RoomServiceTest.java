package io.roundtable.runtime.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.json.Json;
import io.roundtable.core.message.Message;
import io.roundtable.core.message.Target;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Move;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Reply;
import io.roundtable.core.room.Room;
import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.fixture.Configs;
import io.roundtable.runtime.fixture.Count;
import io.roundtable.runtime.fixture.Node;
import io.roundtable.runtime.protocol.Problem;
import io.roundtable.runtime.store.InMemoryRoomIndex;
import io.roundtable.runtime.store.InMemoryRoomStore;
import io.roundtable.runtime.store.Notice;
import io.roundtable.runtime.store.RoomCard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The room service on the in-memory store: what each command leaves in the store, and how a node copes
 * with changes other nodes commit first. Play starts as soon as both players are ready (no countdown).
 */
class RoomServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Vertx vertx;
    private RoundtableConfig config;
    private InMemoryRoomStore store;
    private InMemoryRoomIndex index;
    private Node node;

    RoomServiceTest() {
        configure();
    }

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    /** A fresh store, index and node with these settings besides the defaults. */
    private void configure(String... settings) {
        List<String> all = new ArrayList<>(List.of("roundtable.rooms.barrier-countdown", "0s"));
        all.addAll(List.of(settings));
        config = Configs.of(all.toArray(String[]::new));
        store = new InMemoryRoomStore(config);
        index = new InMemoryRoomIndex();
        node = new Node(config, store, index, vertx);
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    private String created() {
        return await(node.rooms.create("count", null, 0, false)).id();
    }

    private Reply apply(Node on, String room, Command command) {
        return await(on.rooms.apply(room, command)).reply();
    }

    private Reply apply(String room, Command command) {
        return apply(node, room, command);
    }

    /** The member id of a player who joined. */
    private String joined(Node on, String room, String name) {
        return ((Reply.Accepted) apply(on, room, new Command.Join(name, false, name))).member();
    }

    private Room stored(String room) {
        return await(store.load(room));
    }

    /** A room in play: Ann (m1, seat 0, to speak first) and Bob (m2), both ready. */
    private String playing() {
        String room = created();
        for (String member : List.of(joined(node, room, "Ann"), joined(node, room, "Bob"))) {
            apply(room, new Command.Ready(member, true));
        }
        assertThat(stored(room).phase()).isEqualTo(Phase.PLAY);
        return room;
    }

    private static JsonNode say(int number) {
        return Json.tree(new Count.Say(number));
    }

    private static String code(Throwable failure) {
        return ((Problem) failure).body().code();
    }

    private static Throwable failure(Uni<?> uni) {
        return catchThrowableOfType(Problem.class, () -> await(uni));
    }

    @Test
    void a_new_room_is_stored_and_shown_in_the_lobby() {
        Room room = await(node.rooms.create("count", null, 0, false));

        assertThat(stored(room.id())).isEqualTo(room);
        assertThat(await(index.cards())).extracting(RoomCard::id).containsExactly(room.id());
    }

    @Test
    void a_room_of_a_game_this_server_does_not_have_is_refused_and_nothing_is_stored() {
        Throwable refused = failure(node.rooms.create("chess", null, 0, false));

        assertThat(code(refused)).isEqualTo(ErrorCode.ROOM_UNKNOWN_GAME.code());
        assertThat(await(index.cards())).isEmpty();
    }

    @Test
    void a_player_who_joins_takes_the_first_free_seat_in_the_stored_room() {
        String room = created();

        Reply reply = apply(room, new Command.Join("Ann", false, "ann"));

        assertThat(reply).isEqualTo(new Reply.Accepted(2, "m1", false));
        assertThat(stored(room).version()).isEqualTo(2);
        assertThat(stored(room).member("m1")).map(Member::seat).contains(0);
    }

    @Test
    void the_game_starts_once_both_players_are_ready() {
        String room = created();
        String ann = joined(node, room, "Ann");
        String bob = joined(node, room, "Bob");

        apply(room, new Command.Ready(ann, true));
        assertThat(stored(room).phase()).isEqualTo(Phase.LOBBY);
        apply(room, new Command.Ready(bob, true));

        assertThat(stored(room).phase()).isEqualTo(Phase.PLAY);
        assertThat(await(index.cards())).extracting(RoomCard::phase).containsExactly("PLAY");
    }

    @Test
    void a_move_is_stored_with_its_entry_in_the_move_log_and_the_room_among_the_recent_versions() {
        String room = playing();

        Reply reply = apply(room, new Command.Act("m1", say(1), null, null));

        Room after = stored(room);
        assertThat(reply.accepted()).isTrue();
        assertThat(Json.convert(after.state(), Count.State.class).said()).isEqualTo(1);
        assertThat(await(store.moves(room))).extracting(Move::seat, Move::action).containsExactly(
                tuple(0, say(1)));
        assertThat(await(store.history(room)).get(0)).isEqualTo(after);
    }

    @Test
    void a_move_the_rules_refuse_is_answered_with_their_reason_and_nothing_is_stored() {
        String room = playing();
        Room before = stored(room);

        Reply reply = apply(room, new Command.Act("m1", say(5), null, null));

        assertThat(reply).isInstanceOf(Reply.Rejected.class);
        assertThat(((Reply.Rejected) reply).rejection().code()).isEqualTo("count/wrong_number");
        assertThat(stored(room)).isEqualTo(before);
        assertThat(await(store.moves(room))).isEmpty();
        assertThat(await(store.history(room)).get(0)).isEqualTo(before);
    }

    @Test
    void a_move_against_a_version_older_than_the_players_step_is_refused_and_nothing_is_stored() {
        String room = playing();
        Room before = stored(room);

        Reply reply = apply(room, new Command.Act("m1", say(1), 1L, null));

        assertThat(((Reply.Rejected) reply).rejection().code()).isEqualTo(ErrorCode.ACTION_STALE_VERSION.code());
        assertThat(stored(room)).isEqualTo(before);
        assertThat(await(store.moves(room))).isEmpty();
    }

    @Test
    void a_retry_with_the_same_idempotency_key_is_answered_as_before_and_not_applied_twice() {
        String room = playing();
        Reply first = apply(room, new Command.Act("m1", say(1), null, "key-1"));

        Reply retry = apply(room, new Command.Act("m1", say(1), null, "key-1"));

        long version = ((Reply.Accepted) first).version();
        assertThat(retry).isEqualTo(new Reply.Accepted(version, "m1", true));
        assertThat(stored(room).version()).isEqualTo(version);
        assertThat(await(store.moves(room))).hasSize(1);
    }

    @Test
    void a_command_to_a_room_that_does_not_exist_fails_with_room_not_found() {
        Throwable failure = failure(node.rooms.apply("nowhere", new Command.Join("Ann", false, "ann")));

        assertThat(code(failure)).isEqualTo(ErrorCode.ROOM_NOT_FOUND.code());
        assertThat(stored("nowhere")).isNull();
    }

    @Test
    void a_change_another_node_committed_first_is_decided_again_on_the_fresh_room() {
        Node other = new Node(config, store, index, vertx);
        String room = followedByThisNode(created());
        String ann = joined(other, room, "Ann");

        Reply reply = apply(node, room, new Command.Join("Bob", false, "bob"));

        assertThat(reply).isEqualTo(new Reply.Accepted(3, "m2", false));
        assertThat(stored(room).members()).extracting(Member::id).containsExactly(ann, "m2");
    }

    @Test
    void a_node_out_of_retries_answers_room_busy_and_stores_nothing() {
        configure("roundtable.store.cas-retries", "0");
        Node other = new Node(config, store, index, vertx);
        String room = followedByThisNode(created());
        joined(other, room, "Ann");
        Room before = stored(room);

        Throwable failure = failure(node.rooms.apply(room, new Command.Join("Bob", false, "bob")));

        assertThat(code(failure)).isEqualTo(ErrorCode.ROOM_BUSY.code());
        assertThat(stored(room)).isEqualTo(before);
    }

    @Test
    void a_node_told_of_a_change_it_cannot_apply_reads_the_room_again() {
        Node other = new Node(config, store, index, vertx);
        String room = followedByThisNode(created());
        joined(other, room, "Ann");
        assertThat(await(node.rooms.current(room)).version()).as("this node's copy").isEqualTo(1);

        node.live.heard(new Notice(room, 2, "other", List.of(), List.of(), null));

        assertThat(await(node.rooms.current(room))).isEqualTo(stored(room));
    }

    @Test
    void a_node_told_of_the_next_change_applies_it_without_reading_the_room() {
        Node other = new Node(config, store, index, vertx);
        String room = followedByThisNode(created());
        assertThat(await(node.rooms.current(room)).version()).as("this node's copy").isEqualTo(1);
        BlockingQueue<Notice> heard = new LinkedBlockingQueue<>();
        await(store.subscribe(heard::add, why -> { }));
        joined(other, room, "Ann");
        Room joined = stored(room);
        await(store.delete(room, List.of()));

        node.live.heard(heard.poll());

        assertThat(await(node.rooms.current(room))).as("the change applied to this node's copy").isEqualTo(joined);
    }

    @Test
    void a_node_keeps_no_copy_of_a_room_it_does_not_follow_and_drops_it_when_it_stops() {
        Node other = new Node(config, store, index, vertx);
        String room = created();
        await(node.rooms.current(room));
        joined(other, room, "Ann");

        assertThat(await(node.rooms.current(room))).as("not followed: read from the store").isEqualTo(stored(room));

        followedByThisNode(room);
        joined(other, room, "Bob");
        assertThat(await(node.rooms.current(room)).version()).as("followed, no notice heard: the copy").isEqualTo(2);
        node.live.unfollow(room);
        assertThat(await(node.rooms.current(room))).as("no longer followed").isEqualTo(stored(room));
    }

    /**
     * This node hears the room's notices from now on (as its first socket of the room makes it) and holds
     * a copy of it; nothing in these tests delivers the notices to it, so its copy stays as read.
     */
    private String followedByThisNode(String room) {
        node.live.listening();
        await(node.live.follow(room));
        await(node.rooms.current(room));
        return room;
    }

    @Test
    void an_idle_room_is_removed_from_the_store_and_the_lobby() {
        configure("roundtable.rooms.idle-after", "0s");
        String room = created();

        assertThat(await(node.rooms.apply(room, Command.Tick.now())).expired()).isTrue();

        assertThat(stored(room)).isNull();
        assertThat(await(store.history(room))).isEmpty();
        assertThat(await(index.cards())).isEmpty();
        assertThat(code(failure(node.rooms.apply(room, Command.Tick.now())))).isEqualTo(ErrorCode.ROOM_NOT_FOUND.code());
    }

    @Test
    void recent_versions_are_kept_newest_first_up_to_the_configured_number() {
        configure("roundtable.store.history", "2");
        String room = created();
        joined(node, room, "Ann");
        joined(node, room, "Bob");

        assertThat(await(store.history(room))).extracting(Room::version).containsExactly(3L, 2L);
    }

    @Test
    void a_message_to_the_room_is_stored_in_every_members_inbox() {
        String room = created();
        String ann = joined(node, room, "Ann");
        String bob = joined(node, room, "Bob");

        apply(room, new Command.Send(ann, Target.room(), "hello", null));

        for (String member : List.of(ann, bob)) {
            assertThat(await(store.inbox(room, member))).extracting(Message::text).containsExactly("hello");
        }
    }

    @Test
    void an_inbox_keeps_only_the_configured_number_of_latest_messages() {
        configure("roundtable.store.inbox-length", "2");
        String room = created();
        String ann = joined(node, room, "Ann");
        String bob = joined(node, room, "Bob");

        for (String text : List.of("one", "two", "three", "four")) {
            apply(room, new Command.Send(ann, Target.room(), text, null));
        }

        assertThat(await(store.inbox(room, bob))).extracting(Message::seq, Message::text).containsExactly(
                tuple(3L, "three"), tuple(4L, "four"));
        assertThat(stored(room).member(bob)).map(Member::inboxSeq).contains(4L);
    }
}
