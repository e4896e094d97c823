package io.roundtable.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.roundtable.core.message.Message;
import io.roundtable.core.message.Target;
import io.roundtable.core.room.Command;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.relay.Relay;
import io.roundtable.testkit.Table;

/** Any room may carry a voice mesh: ordered participants, mute states, link reports, member-only signalling. */
class VoiceMeshTest {

    private static Command.Send signal(String from, String to, String text) {
        return new Command.Send(from, Target.member(to), text, null, Message.SIGNAL);
    }

    @Test
    void a_room_without_voice_refuses_to_join_it() {
        Table table = Table.of(new HighCard()).create();
        String ann = table.join("Ann");
        table.refuses(new Command.VoiceJoin(ann), "voice/off");
        assertThat(table.frame(ann).get("voice").isNull()).isTrue();
    }

    @Test
    void participants_are_listed_in_the_order_they_joined_so_a_newcomer_knows_whom_to_call() {
        Table table = Table.of(new HighCard()).voice(true).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        String cy = table.join("Cy");
        table.apply(new Command.VoiceJoin(bob));
        table.apply(new Command.VoiceJoin(ann));
        table.apply(new Command.VoiceJoin(cy));
        assertThat(table.frame(cy).at("/voice/participants").findValuesAsText("member")).containsExactly(bob, ann, cy);
        assertThat(table.frame(cy).at("/voice/participants/0/muted").asBoolean()).isFalse();
    }

    @Test
    void the_mesh_has_a_maximum_and_spectators_may_listen_in() {
        Table table = Table.of(new Relay()).voice(true).create();
        for (int i = 0; i < 6; i++) {
            table.apply(new Command.VoiceJoin(table.watch("P" + i)));
        }
        assertThat(table.frame(null).at("/voice/participants")).hasSize(6);
        String late = table.watch("Late");
        table.refuses(new Command.VoiceJoin(late), "voice/full");
    }

    @Test
    void each_side_reports_its_link_states_and_everyone_sees_the_matrix() {
        Table table = Table.of(new HighCard()).voice(true).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.apply(new Command.VoiceJoin(ann));
        table.apply(new Command.VoiceJoin(bob));
        table.apply(new Command.VoiceReport(ann, true, Map.of(bob, "connected")));
        table.apply(new Command.VoiceReport(bob, null, Map.of(ann, "failed")));
        var frame = table.frame(bob);
        assertThat(frame.at("/voice/links/" + ann + "/" + bob).asText()).isEqualTo("connected");
        assertThat(frame.at("/voice/links/" + bob + "/" + ann).asText()).isEqualTo("failed");
        assertThat(frame.at("/voice/participants/0/muted").asBoolean()).isTrue();
    }

    @Test
    void link_reports_name_other_participants_with_known_states_and_links_to_those_gone_are_ignored() {
        Table table = Table.of(new HighCard()).voice(true).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.apply(new Command.VoiceJoin(ann));
        long before = table.room().version();
        table.apply(new Command.VoiceReport(ann, null, Map.of(bob, "connected")));
        assertThat(table.room().version()).isEqualTo(before);
        assertThat(table.frame(ann).at("/voice/links").size()).isZero();
        table.apply(new Command.VoiceJoin(bob));
        table.refuses(new Command.VoiceReport(ann, null, Map.of(bob, "wonderful")), "voice/bad_report");
        table.refuses(new Command.VoiceReport(ann, null, Map.of(ann, "connected")), "voice/bad_report");
        String cy = table.join("Cy");
        table.refuses(new Command.VoiceReport(cy, false, Map.of()), "voice/not_joined");
    }

    @Test
    void leaving_the_room_leaves_the_mesh_and_every_link_to_it() {
        Table table = Table.of(new Relay()).voice(true).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.apply(new Command.VoiceJoin(ann));
        table.apply(new Command.VoiceJoin(bob));
        table.apply(new Command.VoiceReport(ann, null, Map.of(bob, "connected")));
        table.leave(bob);
        assertThat(table.frame(ann).at("/voice/participants").findValuesAsText("member")).containsExactly(ann);
        assertThat(table.frame(ann).at("/voice/links/" + ann).size()).isZero();
    }

    @Test
    void signalling_goes_only_between_members_who_are_both_in_voice_and_the_sender_is_stamped() {
        Table table = Table.of(new HighCard()).voice(true).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        String cy = table.join("Cy");
        table.apply(new Command.VoiceJoin(ann));
        table.apply(new Command.VoiceJoin(bob));
        table.refuses(signal(ann, cy, "{\"sdp\":\"offer\"}"), "message/signal_not_in_voice");
        table.refuses(signal(ann, "m99", "{\"sdp\":\"offer\"}"), "message/signal_not_in_voice");
        table.refuses(signal(ann, ann, "{\"sdp\":\"offer\"}"), "message/to_self");
        table.refuses(new Command.Send(ann, Target.room(), "{}", null, Message.SIGNAL), "message/signal_not_in_voice");
        table.refuses(new Command.Send(ann, Target.member(bob), "x", null, "telepathy"), "request/invalid");
        table.apply(signal(ann, bob, "{\"sdp\":\"offer\"}"));
        Message offer = table.inbox(bob).get(0);
        assertThat(offer.kind()).isEqualTo(Message.SIGNAL);
        assertThat(offer.from()).isEqualTo(ann);
        assertThat(table.inbox(cy)).isEmpty();
        assertThat(table.inbox(ann)).as("signalling is not copied to its sender").isEmpty();
        assertThat(table.frame(ann).at("/me/sent/0/state").asText()).isEqualTo("delivered");
    }

    @Test
    void a_signalling_message_may_be_longer_than_chat_but_not_without_limit() {
        Table table = Table.of(new HighCard()).voice(true).create();
        String ann = table.join("Ann");
        String bob = table.join("Bob");
        table.apply(new Command.VoiceJoin(ann));
        table.apply(new Command.VoiceJoin(bob));
        table.apply(signal(ann, bob, "v".repeat(5000)));
        table.refuses(new Command.Send(ann, Target.member(bob), "v".repeat(5000), null), "message/too_long");
        table.refuses(signal(ann, bob, "v".repeat(20_000)), "message/too_long");
    }
}
