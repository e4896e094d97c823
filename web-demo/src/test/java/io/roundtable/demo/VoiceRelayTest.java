package io.roundtable.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.demo.support.TestPlayer;

/** Voice signalling over real sockets: only to another member in voice, sender stamped, sizes and rates bounded. */
@QuarkusTest
class VoiceRelayTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String ORIGIN = RoomFlowTest.ORIGIN;

    @TestHTTPResource("/")
    URI uri;

    String base;
    String room;
    TestPlayer ann;
    TestPlayer bob;
    TestPlayer cy;

    @BeforeEach
    void three_members_two_of_them_in_voice() {
        base = uri.toString().replaceAll("/$", "");
        room = TestPlayer.createRoom(base, "voice", null, 0);
        ann = TestPlayer.join(base, room, "Ann", false).connect(ORIGIN);
        bob = TestPlayer.join(base, room, "Bob", false).connect(ORIGIN);
        cy = TestPlayer.join(base, room, "Cy", false).connect(ORIGIN);
        ann.sendFrame("{\"type\":\"voice-join\",\"ref\":\"a\"}");
        bob.sendFrame("{\"type\":\"voice-join\",\"ref\":\"b\"}");
        bob.awaitFrame(f -> f.at("/voice/participants").size() == 2, WAIT);
    }

    static String signal(String to, String payload, String ref) {
        return "{\"type\":\"send\",\"kind\":\"signal\",\"to\":{\"kind\":\"direct\",\"member\":\"" + to + "\"},\"text\":"
                + payload + ",\"ref\":\"" + ref + "\"}";
    }

    JsonNode reply(TestPlayer player, String ref) {
        return player.awaitReceived("reply", r -> r.path("ref").asText().equals(ref), WAIT);
    }

    @Test
    void an_offer_reaches_only_its_addressee_with_the_sender_stamped_by_the_server() {
        ann.sendFrame(signal(bob.member, "\"{\\\"sdp\\\":\\\"v=0 offer\\\",\\\"from\\\":\\\"" + cy.member + "\\\"}\"", "s1"));
        assertThat(reply(ann, "s1").get("ok").asBoolean()).isTrue();
        JsonNode offer = bob.awaitReceived("message", m -> m.at("/message/kind").asText().equals("signal"), WAIT);
        assertThat(offer.at("/message/from").asText()).isEqualTo(ann.member);
        assertThat(cy.messages).isEmpty();
        ann.awaitFrame(f -> f.at("/me/sent/0/state").asText().equals("delivered"), WAIT);
    }

    @Test
    void a_sender_field_in_the_command_is_refused_not_believed() {
        ann.sendFrame("{\"type\":\"send\",\"kind\":\"signal\",\"from\":\"" + bob.member + "\",\"to\":{\"kind\":\"direct\","
                + "\"member\":\"" + bob.member + "\"},\"text\":\"x\",\"ref\":\"f1\"}");
        ann.awaitReceived("error", e -> e.at("/error/code").asText().equals("request/malformed"), WAIT);
        assertThat(bob.messages).isEmpty();
    }

    @Test
    void signalling_to_a_non_member_to_someone_not_in_voice_or_to_oneself_is_refused() {
        ann.sendFrame(signal("m99", "\"x\"", "n1"));
        assertThat(reply(ann, "n1").at("/error/code").asText()).isEqualTo("message/signal_not_in_voice");
        ann.sendFrame(signal(cy.member, "\"x\"", "n2"));
        assertThat(reply(ann, "n2").at("/error/code").asText()).isEqualTo("message/signal_not_in_voice");
        ann.sendFrame(signal(ann.member, "\"x\"", "n3"));
        assertThat(reply(ann, "n3").at("/error/code").asText()).isEqualTo("message/to_self");
        cy.sendFrame(signal(ann.member, "\"x\"", "n4"));
        assertThat(reply(cy, "n4").at("/error/code").asText()).isEqualTo("message/signal_not_in_voice");
        assertThat(bob.messages).isEmpty();
        assertThat(ann.messages).isEmpty();
    }

    @Test
    void a_token_of_another_room_cannot_open_this_rooms_socket() {
        String other = TestPlayer.createRoom(base, "voice", null, 0);
        TestPlayer stranger = TestPlayer.join(base, other, "Eve", false);
        var response = TestPlayer.send(base, "POST", "/api/rooms/" + room + "/messages",
                "{\"kind\":\"signal\",\"to\":{\"kind\":\"direct\",\"member\":\"" + bob.member + "\"},\"text\":\"x\"}",
                stranger.token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(bob.messages).isEmpty();
    }

    @Test
    void an_oversize_offer_is_refused_and_a_huge_frame_closes_only_that_socket() {
        ann.sendFrame(signal(bob.member, "\"" + "a".repeat(20_000) + "\"", "big"));
        assertThat(reply(ann, "big").at("/error/code").asText()).isEqualTo("message/too_long");
        try {
            ann.sendFrame(signal(bob.member, "\"" + "a".repeat(70_000) + "\"", "huge"));
        } catch (java.util.concurrent.CompletionException ignored) {
            // the server may close while the frame is being written
        }
        ann.awaitClosed(WAIT);
        assertThat(ann.closeCode).isEqualTo(1009);
        bob.sendFrame("{\"type\":\"ping\",\"ref\":\"alive\"}");
        bob.awaitReceived("pong", p -> p.path("ref").asText().equals("alive"), WAIT);
    }

    @Test
    void a_flooding_sender_is_slowed_and_cut_off_while_its_peer_keeps_every_message_in_order() {
        for (int i = 0; i < 150 && ann.closeCode == null; i++) {
            try {
                ann.sendFrame(signal(bob.member, "\"c" + i + "\"", "f" + i));
            } catch (java.util.concurrent.CompletionException closed) {
                break;
            }
        }
        ann.awaitClosed(WAIT);
        assertThat(ann.closeCode).isEqualTo(4429);
        JsonNode view = bob.ok("GET", "/view", null);
        long head = view.at("/frame/me/inbox/head").asLong();
        assertThat(head).isPositive();
        bob.awaitReceived("message", m -> m.at("/message/seq").asLong() == head, WAIT);
        assertThat(bob.messages.stream().map(m -> m.get("seq").asLong()).toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, head).boxed().toList());
    }

    @Test
    void link_reports_build_the_matrix_everyone_sees() {
        ann.sendFrame("{\"type\":\"voice-report\",\"muted\":true,\"links\":{\"" + bob.member + "\":\"connected\"},\"ref\":\"r\"}");
        assertThat(reply(ann, "r").get("ok").asBoolean()).isTrue();
        JsonNode frame = cy.awaitFrame(f -> f.at("/voice/links/" + ann.member + "/" + bob.member).asText().equals("connected"),
                WAIT);
        JsonNode annInVoice = java.util.stream.StreamSupport.stream(frame.at("/voice/participants").spliterator(), false)
                .filter(p -> p.get("member").asText().equals(ann.member)).findFirst().orElseThrow();
        assertThat(annInVoice.get("muted").asBoolean()).isTrue();
        ann.sendFrame("{\"type\":\"voice-report\",\"links\":{\"" + bob.member + "\":\"telepathic\"},\"ref\":\"bad\"}");
        assertThat(reply(ann, "bad").at("/error/code").asText()).isEqualTo("voice/bad_report");
    }

    @Test
    void turn_credentials_are_per_member_time_limited_and_derived_from_the_shared_secret() throws Exception {
        JsonNode ice = ann.ok("GET", "/ice", null);
        assertThat(ice.get("iceServers")).hasSize(2);
        JsonNode turn = ice.get("iceServers").get(1);
        String username = turn.get("username").asText();
        long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
        assertThat(username).endsWith(":" + room + "." + ann.member);
        assertThat(expiry).isBetween(Instant.now().getEpochSecond(), Instant.now().plusSeconds(3700).getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("test-only-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        assertThat(turn.get("credential").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8))));
        assertThat(ice.toString()).doesNotContain("test-only-secret");
        var refused = TestPlayer.send(base, "GET", "/api/rooms/" + room + "/ice", null, null);
        assertThat(refused.statusCode()).isEqualTo(401);
    }
}
