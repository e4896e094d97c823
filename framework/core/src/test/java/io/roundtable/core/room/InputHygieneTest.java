package io.roundtable.core.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names, idempotency keys and JSON error sentences: what comes from a client is bounded and clean. */
class InputHygieneTest {

    @Test
    void a_display_name_is_trimmed_and_checked_by_characters_not_chars() {
        assertThat(Names.valid("  Ann  ", 32)).hasValue("Ann");
        assertThat(Names.valid("😀".repeat(32), 32)).hasValue("😀".repeat(32));
        assertThat(Names.valid("😀".repeat(33), 32)).isEmpty();
        assertThat(Names.valid("", 32)).isEmpty();
        assertThat(Names.valid(null, 32)).isEmpty();
        assertThat(Names.valid("A\u0085B", 32)).isEmpty();
    }

    @Test
    void an_echoed_identifier_is_clipped_and_cleaned() {
        assertThat(Names.clip(null)).isEmpty();
        assertThat(Names.clip("chess")).isEqualTo("chess");
        assertThat(Names.clip("a\u0000b")).isEqualTo("ab");
        assertThat(Names.clip("x".repeat(100))).isEqualTo("x".repeat(40) + "…");
    }

    @Test
    void an_idempotency_key_is_optional_and_short_and_plain() {
        assertThat(Recent.validKey(null)).isTrue();
        assertThat(Recent.validKey("move-1:retry.2_b")).isTrue();
        assertThat(Recent.validKey("k".repeat(64))).isTrue();
        assertThat(Recent.validKey("k".repeat(65))).isFalse();
        assertThat(Recent.validKey("")).isFalse();
        assertThat(Recent.validKey("a b")).isFalse();
        assertThat(Recent.INVALID_KEY.code()).isEqualTo("request/invalid");
    }

    @Test
    void a_json_error_becomes_one_short_line_without_class_names() {
        String described = JsonErrors.describe(new IllegalArgumentException(
                "Unrecognized field \"peek\" (class io.roundtable.Secret), not marked as ignorable\n at [Source: x]"));
        assertThat(described).isEqualTo("Unrecognized field \"peek\" , not marked as ignorable");
        assertThat(JsonErrors.describe(new IllegalArgumentException((String) null))).isEqualTo("unreadable value");
        assertThat(JsonErrors.describe(new IllegalArgumentException("y".repeat(500)))).hasSize(201).endsWith("…");
    }

    @Test
    void a_client_id_is_optional_short_and_without_control_characters() {
        assertThat(Names.validClient(null)).isTrue();
        assertThat(Names.validClient("7f9c2ba4-e88f-11e5-9730-9a79f06e9478")).isTrue();
        assertThat(Names.validClient("c".repeat(Names.MAX_CLIENT_LENGTH))).isTrue();
        assertThat(Names.validClient("c".repeat(Names.MAX_CLIENT_LENGTH + 1))).isFalse();
        assertThat(Names.validClient("")).isFalse();
        assertThat(Names.validClient("a\u0000b")).isFalse();
    }

    @Test
    void a_json_error_names_types_by_their_simple_names_only() {
        String described = JsonErrors.describe(new IllegalArgumentException("Could not resolve type id 'x' as a subtype of "
                + "`io.roundtable.games.avalon.AvalonAction`: known type ids = [vote]; value of type `java.lang.Integer`"));
        assertThat(described).doesNotContain("io.roundtable").doesNotContain("java.lang")
                .contains("`AvalonAction`").contains("`Integer`");
    }
}
