package io.roundtable.demo.reliability;

import static io.roundtable.demo.reliability.Arena.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.roundtable.demo.support.TestPlayer;

/** What the command fuzzer found (answered 500 before the fix), kept as exact reproductions. */
@QuarkusTest
class FuzzRegressionsTest {
    @TestHTTPResource("/")
    URI uri;

    String base;
    TestPlayer ann;
    TestPlayer bob;

    @BeforeEach
    void two_members_in_voice() {
        base = Arena.base(uri);
        String room = TestPlayer.createRoom(base, "voice", null, 0);
        ann = TestPlayer.join(base, room, "Ann", false);
        bob = TestPlayer.join(base, room, "Bob", false);
        ann.ok("POST", "/voice/join", null);
        bob.ok("POST", "/voice/join", null);
    }

    @Test
    void a_voice_report_with_a_null_link_state_is_a_bad_report_not_a_server_error() {
        long version = Arena.version(ann);
        String report = "{\"type\":\"voice-report\",\"muted\":true,\"links\":{\"" + bob.member + "\":null}}";
        assertThat(refusal(Arena.post(ann, "/commands", report))).isEqualTo("voice/bad_report");
        assertThat(Arena.version(ann)).isEqualTo(version);
    }

    @Test
    void a_direct_message_or_signal_naming_no_member_is_refused_not_a_server_error() {
        long version = Arena.version(ann);
        assertThat(refusal(Arena.post(ann, "/commands",
                "{\"type\":\"send\",\"kind\":\"signal\",\"to\":{\"kind\":\"direct\"},\"text\":\"v=0\"}")))
                .isEqualTo("message/no_recipient");
        assertThat(refusal(Arena.post(ann, "/messages", "{\"to\":{\"kind\":\"direct\",\"member\":null},\"text\":\"hi\"}")))
                .isEqualTo("message/no_recipient");
        assertThat(Arena.version(ann)).isEqualTo(version);
    }
}
