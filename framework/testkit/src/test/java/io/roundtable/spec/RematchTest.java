package io.roundtable.spec;

import static io.roundtable.spec.Tables.bet;
import static io.roundtable.spec.Tables.keep;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.core.json.Json;
import io.roundtable.core.room.Command;
import io.roundtable.core.room.GameCatalog;
import io.roundtable.core.room.NextTable;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Reply;
import io.roundtable.core.room.Result;
import io.roundtable.core.room.Room;
import io.roundtable.core.room.RoomEngine;
import io.roundtable.core.room.RoomSettings;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.testkit.Table;

/** Playing again with the same table: a finished room points, once, to the room its table moves on to. */
class RematchTest {

    private static Tables.Seated finished() {
        var seated = Tables.playing(2);
        seated.table().act(seated.seat(0), keep()).act(seated.seat(1), keep())
                .act(seated.seat(0), bet("low")).act(seated.seat(1), bet("high"));
        assertThat(seated.table().phase()).isEqualTo(Phase.FINISHED);
        return seated;
    }

    @Test
    void a_finished_room_points_to_its_rematch_once() {
        var seated = finished();
        Table table = seated.table();
        long before = table.room().version();
        assertThat(table.frame(seated.seat(0)).at("/room/next").isNull()).isTrue();

        Reply first = table.apply(new Command.Rematch(seated.seat(0), "room-2"));
        assertThat(first.accepted()).isTrue();
        assertThat(table.last().changed()).isTrue();
        assertThat(table.room().next()).isEqualTo(new NextTable("room-2", seated.seat(0)));
        assertThat(table.room().version()).isEqualTo(before + 1);
        assertThat(table.frame(seated.seat(1)).at("/room/next/room").asText()).isEqualTo("room-2");
        assertThat(table.frame(seated.seat(1)).at("/room/next/by").asText()).isEqualTo(seated.seat(0));

        Reply again = table.apply(new Command.Rematch(seated.seat(1), "room-3"));
        assertThat(again.accepted()).isTrue();
        assertThat(table.last().changed()).as("a second ask changes nothing").isFalse();
        assertThat(table.room().next()).isEqualTo(new NextTable("room-2", seated.seat(0)));
        assertThat(table.room().version()).isEqualTo(before + 1);
    }

    @Test
    void the_same_member_asking_twice_gets_the_same_room() {
        var seated = finished();
        Table table = seated.table();
        table.apply(new Command.Rematch(seated.seat(0), "room-2"));
        table.apply(new Command.Rematch(seated.seat(0), "room-9"));
        assertThat(table.last().changed()).isFalse();
        assertThat(table.room().next()).isEqualTo(new NextTable("room-2", seated.seat(0)));
    }

    @Test
    void a_rematch_before_the_end_is_refused() {
        var seated = Tables.playing(2);
        seated.table().refuses(new Command.Rematch(seated.seat(0), "room-2"), "room/wrong_phase");
        Table lobby = Table.of(new HighCard()).create();
        String ann = lobby.join("Ann");
        lobby.refuses(new Command.Rematch(ann, "room-2"), "room/wrong_phase");
    }

    @Test
    void a_spectator_may_ask() {
        var seated = finished();
        Table table = seated.table();
        String wes = table.watch("Wes");
        assertThat(table.apply(new Command.Rematch(wes, "room-2")).accepted()).isTrue();
        assertThat(table.room().next()).isEqualTo(new NextTable("room-2", wes));
    }

    @Test
    void someone_who_is_not_a_member_may_not_ask() {
        var seated = finished();
        seated.table().refuses(new Command.Rematch("m99", "room-2"), "room/not_member");
    }

    @Test
    void a_rematch_must_name_another_room() {
        var seated = finished();
        seated.table().refuses(new Command.Rematch(seated.seat(0), "room-1"), "request/invalid");
        seated.table().refuses(new Command.Rematch(seated.seat(0), " "), "request/invalid");
    }

    @Test
    void a_room_remembers_how_many_bots_it_was_created_with() {
        Table table = Table.of(new HighCard()).bots(1).create();
        assertThat(table.room().facts().bots()).isEqualTo(1);
    }

    @Test
    void a_room_made_for_a_rematch_remembers_the_room_it_follows() {
        RoomEngine engine = new RoomEngine(GameCatalog.of(new HighCard()), RoomSettings.defaults());
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        Result next = engine.create("next-room", "highcard", Json.tree(new HighCard().defaultOptions()), 0, false,
                "first-room", 7, now);
        assertThat(next.room().facts().follows()).isEqualTo("first-room");
        assertThat(engine.create("plain", "highcard", Json.tree(new HighCard().defaultOptions()), 0, 7, now).room()
                .facts().follows()).isNull();
    }

    @Test
    void a_room_stored_before_rematches_existed_reads_without_next_or_bots() {
        var seated = finished();
        ObjectNode json = (ObjectNode) Json.tree(seated.table().room());
        json.remove("next");
        ((ObjectNode) json.get("facts")).remove("bots");
        Room read = Json.convert(json, Room.class);
        assertThat(read.next()).isNull();
        assertThat(read.facts().bots()).isZero();
        assertThat(read.facts().follows()).isNull();
    }
}
