package io.roundtable.runtime.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.fixture.Configs;
import io.roundtable.runtime.store.InMemoryRoomStore;

/** Seat tokens name one room and one member, and only a node holding the secret can make them. */
class TokensTest {
    private final RoundtableConfig config = Configs.of();
    private final InMemoryRoomStore store = new InMemoryRoomStore(config);
    private final Tokens tokens = new Tokens(config, store);

    @Test
    void a_token_grants_its_member_in_its_room() {
        String token = tokens.issue("r1", "m2");

        assertThat(tokens.member("r1", token)).contains("m2");
    }

    @Test
    void a_token_for_another_room_is_refused() {
        String token = tokens.issue("r1", "m2");

        assertThat(tokens.member("r2", token)).isEmpty();
    }

    @Test
    void a_token_with_another_member_written_in_is_refused() {
        String token = tokens.issue("r1", "m2");
        String signature = token.substring(token.lastIndexOf('.') + 1);

        assertThat(tokens.member("r1", "r1.m1." + signature)).isEmpty();
    }

    @Test
    void a_token_signed_with_another_secret_is_refused() {
        Tokens elsewhere = new Tokens(config, new InMemoryRoomStore(config));

        assertThat(tokens.member("r1", elsewhere.issue("r1", "m2"))).isEmpty();
    }

    @Test
    void tokens_that_are_not_tokens_at_all_are_refused() {
        assertThat(tokens.member("r1", null)).isEmpty();
        assertThat(tokens.member("r1", "")).isEmpty();
        assertThat(tokens.member("r1", "r1.m2")).isEmpty();
        assertThat(tokens.member("r1", tokens.issue("r1", "m".repeat(200)))).as("over 200 characters").isEmpty();
    }

    @Test
    void nodes_sharing_a_store_accept_each_others_tokens() {
        Tokens otherNode = new Tokens(config, store);

        assertThat(otherNode.member("r1", tokens.issue("r1", "m2"))).contains("m2");
    }

    @Test
    void nodes_given_the_same_configured_secret_accept_each_others_tokens_whatever_their_stores() {
        RoundtableConfig configured = Configs.of("roundtable.token-secret", "a secret the operator chose");
        Tokens one = new Tokens(configured, new InMemoryRoomStore(configured));
        Tokens two = new Tokens(configured, new InMemoryRoomStore(configured));

        assertThat(two.member("r1", one.issue("r1", "m2"))).contains("m2");
        assertThat(tokens.member("r1", one.issue("r1", "m2"))).isEmpty();
    }

    @Test
    void the_token_of_an_authorization_header_is_read_with_or_without_bearer() {
        assertThat(Tokens.bearer("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(Tokens.bearer(" abc.def.ghi ")).isEqualTo("abc.def.ghi");
        assertThat(Tokens.bearer("  ")).isNull();
        assertThat(Tokens.bearer(null)).isNull();
    }
}
