package io.roundtable.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** What the runtime relies on of a room index, written once, run against every implementation. */
abstract class RoomIndexContract {
    private static final Instant NOW = Instant.ofEpochMilli(1_800_000_000_000L);

    /** An empty index. */
    abstract RoomIndex index();

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(10));
    }

    private static RoomCard card(String room, Instant createdAt, int seated) {
        return new RoomCard(room, "count", "Count", "LOBBY", "FIXED", seated, 2, 2, 0, 0, "Ann", createdAt, createdAt);
    }

    @Test
    void a_published_card_is_listed_and_counted() {
        RoomIndex index = index();

        await(index.update(card("r1", NOW, 1), NOW.plusSeconds(1)));

        assertThat(await(index.cards())).containsExactly(card("r1", NOW, 1));
        assertThat(await(index.liveRooms())).isEqualTo(1);
    }

    @Test
    void cards_are_listed_newest_room_first() {
        RoomIndex index = index();

        await(index.update(card("old", NOW.minusSeconds(60), 1), NOW));
        await(index.update(card("new", NOW, 1), NOW));
        await(index.update(card("middle", NOW.minusSeconds(30), 1), NOW));

        assertThat(await(index.cards())).extracting(RoomCard::id).containsExactly("new", "middle", "old");
    }

    @Test
    void the_lobby_lists_the_newest_cards_of_a_game_open_or_not_up_to_the_limit() {
        RoomIndex index = index();
        List<RoomCard> published = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            RoomCard card = new RoomCard("r" + i, i % 2 == 0 ? "count" : "other", "T", "LOBBY", "FIXED",
                    i % 3 == 0 ? 2 : 1, 2, 2, 0, 0, "Ann", NOW.plusSeconds(i), NOW);
            published.add(card);
            await(index.update(card, NOW));
        }
        await(index.update(full(published.get(448)), NOW)); // no longer open

        for (LobbyQuery query : List.of(new LobbyQuery(null, null, 5), new LobbyQuery("count", null, 3),
                new LobbyQuery("count", true, 4), new LobbyQuery(null, true, 2), new LobbyQuery(null, false, 250),
                new LobbyQuery("other", false, 500), new LobbyQuery("nothing", null, 5), LobbyQuery.everything())) {
            List<RoomCard> expected = await(index.cards()).stream().filter(query::matches).limit(query.limit()).toList();
            assertThat(await(index.cards(query))).as(query.toString()).isEqualTo(expected);
        }
        assertThat(await(index.cards(new LobbyQuery("count", true, 2)))).extracting(RoomCard::id)
                .as("newest first; r448 is full").containsExactly("r446", "r442");
        assertThat(await(index.cards())).extracting(RoomCard::id).as("everything, newest first")
                .startsWith("r449", "r448").hasSize(450);
    }

    private static RoomCard full(RoomCard card) {
        return new RoomCard(card.id(), card.game(), card.title(), card.phase(), card.joinMode(), card.maxPlayers(),
                card.minPlayers(), card.maxPlayers(), 0, 0, card.host(), card.createdAt(), card.updatedAt());
    }

    @Test
    void a_card_published_again_replaces_the_room_s_old_one() {
        RoomIndex index = index();

        await(index.update(card("r1", NOW, 1), NOW));
        await(index.update(card("r1", NOW, 2), NOW));

        assertThat(await(index.cards())).containsExactly(card("r1", NOW, 2));
        assertThat(await(index.liveRooms())).isEqualTo(1);
    }

    @Test
    void a_removed_room_is_neither_listed_nor_swept() {
        RoomIndex index = index();
        await(index.update(card("r1", NOW, 1), NOW));

        await(index.remove("r1"));

        assertThat(await(index.cards())).isEmpty();
        assertThat(await(index.liveRooms())).isZero();
        assertThat(await(index.claimDue(NOW.plusSeconds(60), NOW.plusSeconds(61), 10))).isEmpty();
    }

    @Test
    void a_node_claims_the_rooms_it_follows_before_the_others_may() {
        RoomIndex index = index();
        await(index.update(card("mine", NOW, 1), NOW.plusMillis(500)));
        await(index.update(card("later", NOW, 1), NOW.plusSeconds(5)));
        await(index.update(card("other", NOW, 1), NOW));

        assertThat(await(index.claimDue(List.of("mine", "later", "gone"), NOW.plusSeconds(1), NOW.plusSeconds(2))))
                .as("due within the tick; not the later one, nor a room without a schedule").containsExactly("mine");
        assertThat(await(index.claimDue(NOW.plusSeconds(1), NOW.plusSeconds(2), 10))).as("what the others may claim")
                .containsExactly("other");
        assertThat(await(index.claimDue(NOW.plusMillis(1999), NOW.plusSeconds(3), 10))).isEmpty();
        assertThat(await(index.claimDue(NOW.plusSeconds(2), NOW.plusSeconds(3), 10))).as("its follower missed a tick")
                .containsExactly("mine", "other");
    }

    @Test
    void a_rescheduled_room_is_due_then_and_a_removed_one_is_not_scheduled_again() {
        RoomIndex index = index();
        await(index.update(card("finished", NOW, 1), NOW));
        await(index.update(card("gone", NOW, 1), NOW));
        await(index.remove("gone"));

        await(index.reschedule("finished", NOW.plusSeconds(600)));
        await(index.reschedule("gone", NOW));

        assertThat(await(index.claimDue(NOW.plusSeconds(599), NOW.plusSeconds(600), 10))).isEmpty();
        assertThat(await(index.claimDue(NOW.plusSeconds(600), NOW.plusSeconds(601), 10))).containsExactly("finished");
    }

    @Test
    void only_rooms_due_are_claimed_earliest_first_and_no_more_than_a_batch() {
        RoomIndex index = index();
        await(index.update(card("later", NOW, 1), NOW.plusSeconds(5)));
        await(index.update(card("second", NOW, 1), NOW.minusSeconds(1)));
        await(index.update(card("first", NOW, 1), NOW.minusSeconds(2)));
        await(index.update(card("third", NOW, 1), NOW));

        assertThat(await(index.claimDue(NOW, NOW.plusSeconds(1), 2))).containsExactly("first", "second");
        assertThat(await(index.claimDue(NOW, NOW.plusSeconds(1), 10))).containsExactly("third");
    }

    @Test
    void a_claimed_room_is_not_claimed_again_before_its_next_time() {
        RoomIndex index = index();
        await(index.update(card("r1", NOW, 1), NOW));

        assertThat(await(index.claimDue(NOW, NOW.plusSeconds(1), 10))).containsExactly("r1");
        assertThat(await(index.claimDue(NOW, NOW.plusSeconds(1), 10))).as("claimed by another node meanwhile").isEmpty();
        assertThat(await(index.claimDue(NOW.plusSeconds(1), NOW.plusSeconds(2), 10))).containsExactly("r1");
    }

    @Test
    void publishing_a_card_again_never_postpones_a_sweep_already_due_sooner() {
        RoomIndex index = index();

        await(index.update(card("r1", NOW, 1), NOW));
        await(index.update(card("r1", NOW, 2), NOW.plusSeconds(30)));

        assertThat(await(index.claimDue(NOW, NOW.plusSeconds(1), 10))).containsExactly("r1");
    }
}
