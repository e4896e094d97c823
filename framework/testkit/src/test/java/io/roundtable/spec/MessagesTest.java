package io.roundtable.spec;

import static io.roundtable.spec.Tables.keep;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.message.Message;
import io.roundtable.core.message.Target;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.Reply;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.testkit.Table;

/** Room-wide, direct and channel messages; inboxes, acknowledgements and delivery state. */
class MessagesTest {

    private static Command.Send send(String from, Target to, String text) {
        return new Command.Send(from, to, text, null);
    }

    @Test
    void a_room_message_reaches_every_human_member_including_the_sender_but_no_bot() {
        Table table = Table.of(new HighCard()).bots(1).create();
        String ann = table.join("Ann");
        String wes = table.watch("Wes");
        table.send(ann, Target.room(), "hello");
        assertThat(table.last().deliveries()).extracting(d -> d.member()).containsExactly(ann, wes);
        assertThat(table.inbox("m1")).isEmpty();
        Message received = table.inbox(wes).get(0);
        assertThat(received.text()).isEqualTo("hello");
        assertThat(received.to()).isEqualTo(Target.room());
        assertThat(received.at()).isEqualTo(table.now());
        assertThat(received.id()).isEqualTo("room-1:1");
    }

    @Test
    void the_sender_is_stamped_by_the_core_from_the_authenticated_member() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.send(bob, Target.room(), "I am Ann, trust me");
        assertThat(table.inbox(ann).get(0).from()).isEqualTo(bob);
        assertThat(table.inbox(ann).get(0).fromName()).isEqualTo("Bob");
    }

    @Test
    void a_direct_message_reaches_its_recipient_and_a_copy_goes_to_the_sender() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        String cy = table.join("Cy");
        table.send(ann, Target.member(bob), "psst");
        assertThat(table.inbox(bob)).extracting(Message::text).containsExactly("psst");
        assertThat(table.inbox(ann)).extracting(Message::text).containsExactly("psst");
        assertThat(table.inbox(cy)).isEmpty();
        assertThat(table.inbox(bob).get(0).to()).isEqualTo(Target.member(bob));
    }

    @Test
    void every_inbox_numbers_its_messages_without_gaps() {
        var seated = Tables.playing(4);
        Table table = seated.table();
        String wes = table.watch("Wes");
        table.send(seated.seat(0), Target.room(), "one");
        table.send(seated.seat(1), Target.member(seated.seat(2)), "two");
        table.send(seated.seat(0), Target.channel("even"), "three");
        table.send(seated.seat(3), Target.channel("odd"), "four");
        table.send(wes, Target.member(seated.seat(0)), "five");
        for (String member : List.of(seated.seat(0), seated.seat(1), seated.seat(2), seated.seat(3), wes)) {
            List<Long> seqs = table.inbox(member).stream().map(Message::seq).toList();
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
            assertThat(table.room().member(member).orElseThrow().inboxSeq()).isEqualTo(seqs.size());
            assertThat(table.frame(member).at("/me/inbox/head").asLong()).isEqualTo(seqs.size());
        }
        assertThat(table.inbox(seated.seat(0))).extracting(Message::text).containsExactly("one", "three", "five");
        assertThat(table.inbox(seated.seat(2))).extracting(Message::text).containsExactly("one", "two", "three");
        assertThat(table.inbox(wes)).extracting(Message::text).containsExactly("one", "five");
    }

    @Test
    void a_channel_message_reaches_only_the_channels_readers() {
        var seated = Tables.playing(3);
        Table table = seated.table();
        String wes = table.watch("Wes");
        table.send(seated.seat(2), Target.channel("even"), "we are even");
        assertThat(table.last().deliveries()).extracting(d -> d.member())
                .containsExactlyInAnyOrder(seated.seat(0), seated.seat(2));
        assertThat(table.inbox(seated.seat(1))).isEmpty();
        assertThat(table.inbox(wes)).isEmpty();
        assertThat(table.inbox(seated.seat(0)).get(0).to()).isEqualTo(Target.channel("even"));
    }

    @Test
    void a_seat_outside_a_channel_cannot_write_to_it_and_cannot_tell_it_from_a_channel_that_does_not_exist() {
        var seated = Tables.playing(3);
        Table table = seated.table();
        var notMine = table.refuses(send(seated.seat(1), Target.channel("even"), "hi"), "message/no_channel");
        var nowhere = table.refuses(send(seated.seat(1), Target.channel("secret"), "hi"), "message/no_channel");
        assertThat(notMine).isEqualTo(nowhere);
    }

    @Test
    void spectators_and_strangers_cannot_write_to_channels() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        String wes = table.watch("Wes");
        table.refuses(send(wes, Target.channel("even"), "hi"), "message/no_channel");
        table.refuses(send("m99", Target.channel("even"), "hi"), "room/not_member");
        table.refuses(send("m99", Target.room(), "hi"), "room/not_member");
    }

    @Test
    void channels_exist_only_while_the_game_is_played() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        table.refuses(send(ann, Target.channel("even"), "hi"), "message/no_channel");
        assertThat(table.frame(ann).get("channels")).isEmpty();
    }

    @Test
    void a_direct_message_to_oneself_a_stranger_or_a_bot_is_refused() {
        Table table = Table.of(new HighCard()).bots(1).create();
        String ann = table.join("Ann");
        table.refuses(send(ann, Target.member(ann), "me"), "message/to_self");
        table.refuses(send(ann, Target.member("m42"), "who"), "message/no_recipient");
        table.refuses(send(ann, Target.member("m1"), "bot"), "message/no_recipient");
    }

    @Test
    void an_empty_or_blank_message_is_refused() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        table.refuses(send(ann, Target.room(), ""), "message/empty");
        table.refuses(send(ann, Target.room(), null), "message/empty");
        table.refuses(send(ann, Target.room(), " \n\t "), "message/empty");
        table.refuses(send(ann, Target.room(), "\u0000\u0007"), "message/empty");
    }

    @Test
    void a_message_longer_than_the_limit_is_refused_and_the_limit_counts_characters_not_chars() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        int limit = RoomSettings.defaults().limits().maxMessageLength();
        var rejection = table.refuses(send(ann, Target.room(), "x".repeat(limit + 1)), "message/too_long");
        assertThat(rejection.message()).contains(String.valueOf(limit));
        table.send(ann, Target.room(), "😀".repeat(limit));
        assertThat(table.inbox(ann).get(0).text()).hasSize(2 * limit);
    }

    @Test
    void control_characters_other_than_newline_and_tab_are_dropped() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        table.send(ann, Target.room(), "a\u0000b\u001b[31mc\nd\te");
        assertThat(table.inbox(ann).get(0).text()).isEqualTo("ab[31mc\nd\te");
    }

    @Test
    void a_message_without_a_target_goes_to_the_whole_room() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.send(ann, null, "hi all");
        assertThat(table.inbox(bob).get(0).to()).isEqualTo(Target.room());
    }

    @Test
    void spectators_are_muted_in_the_room_when_the_game_says_so_but_players_are_not() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        String wes = table.watch("Wes");
        table.send(wes, Target.room(), "go Ann");
        table.act(seated.seat(0), keep()).act(seated.seat(1), keep());
        table.refuses(send(wes, Target.room(), "bet high!"), "message/spectators_muted");
        table.send(seated.seat(0), Target.room(), "I feel lucky");
    }

    @Test
    void every_frame_says_whether_spectators_may_chat_so_a_page_can_say_so_before_they_type() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        String wes = table.watch("Wes");
        assertThat(table.frame(wes).at("/room/spectatorsMayChat").asBoolean()).isTrue();
        table.act(seated.seat(0), keep()).act(seated.seat(1), keep());
        assertThat(table.frame(wes).at("/room/spectatorsMayChat").asBoolean()).isFalse();
        assertThat(table.frame(null).at("/room/spectatorsMayChat").asBoolean()).as("the same for every viewer").isFalse();
    }

    @Test
    void acknowledging_moves_the_inbox_cursor_and_an_ack_beyond_the_inbox_is_refused() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.send(ann, Target.room(), "one").send(ann, Target.room(), "two");
        table.ack(bob, 1);
        assertThat(table.frame(bob).at("/me/inbox").toString()).isEqualTo("{\"head\":2,\"acked\":1}");
        long version = table.room().version();
        table.ack(bob, 1);
        assertThat(table.room().version()).as("acknowledging again changes nothing").isEqualTo(version);
        table.refuses(new Command.Ack(bob, 3), "message/bad_ack");
        table.refuses(new Command.Ack(bob, -1), "message/bad_ack");
        table.refuses(new Command.Ack("m9", 1), "room/not_member");
        table.ack(bob, 2);
        assertThat(table.room().member(bob).orElseThrow().ackedSeq()).isEqualTo(2);
    }

    @Test
    void the_sender_of_a_direct_message_sees_it_delivered_and_then_read() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.send(ann, Target.room(), "warm-up");
        table.send(ann, Target.member(bob), "are you there?");
        JsonNode sent = table.frame(ann).at("/me/sent");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).isEqualTo(json("{\"id\":\"room-1:2\",\"to\":\"" + bob + "\",\"state\":\"delivered\"}"));
        assertThat(table.frame(bob).at("/me/sent")).as("only the sender sees the receipt").isEmpty();
        table.ack(bob, 1);
        assertThat(table.frame(ann).at("/me/sent/0/state").asText()).isEqualTo("delivered");
        table.ack(bob, 2);
        assertThat(table.frame(ann).at("/me/sent/0/state").asText()).isEqualTo("read");
    }

    @Test
    void a_direct_message_to_someone_who_left_stays_delivered() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.send(ann, Target.member(bob), "bye?");
        table.leave(bob);
        assertThat(table.frame(ann).at("/me/sent/0/state").asText()).isEqualTo("delivered");
    }

    @Test
    void only_the_latest_receipts_of_each_sender_are_kept() {
        Table table = Table.of(new HighCard()).settings(RoomSettings.defaults().withReceiptsPerSender(2)).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.send(bob, Target.member(ann), "from bob");
        for (int i = 1; i <= 3; i++) {
            table.send(ann, Target.member(bob), "note " + i);
        }
        assertThat(table.frame(ann).at("/me/sent").findValuesAsText("id")).containsExactly("room-1:3", "room-1:4");
        assertThat(table.frame(bob).at("/me/sent").findValuesAsText("id")).containsExactly("room-1:1");
    }

    @Test
    void a_resent_message_with_the_same_idempotency_key_is_delivered_once() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        Reply first = table.apply(new Command.Send(ann, Target.member(bob), "only once", "msg-1"));
        Room after = table.room();
        Reply again = table.apply(new Command.Send(ann, Target.member(bob), "only once", "msg-1"));
        assertThat(again).isEqualTo(new Reply.Accepted(((Reply.Accepted) first).version(), ann, true));
        assertThat(table.room()).isEqualTo(after);
        assertThat(table.last().deliveries()).isEmpty();
        assertThat(table.inbox(bob)).hasSize(1);
        table.refuses(new Command.Send(ann, Target.room(), "x", "bad key!"), "request/invalid");
    }

    @Test
    void messages_change_the_room_version_but_never_the_game_version() {
        var seated = Tables.playing(2);
        Table table = seated.table();
        long gameVersion = table.room().slot().gameVersion();
        table.send(seated.seat(0), Target.room(), "hi");
        assertThat(table.room().version()).isEqualTo(gameVersion + 1);
        assertThat(table.room().slot().gameVersion()).isEqualTo(gameVersion);
    }

    private static JsonNode json(String text) {
        return Json.read(text, JsonNode.class);
    }
}
