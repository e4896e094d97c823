package io.roundtable.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void every_code_is_namespaced_unique_and_comes_with_a_sentence() {
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z]+/[a-z_]+"));
        assertThat(ErrorCode.values()).allSatisfy(e -> assertThat(e.sentence()).endsWith(".").hasSizeGreaterThan(10));
    }

    @Test
    void a_rejection_carries_the_code_with_the_usual_or_a_more_precise_sentence() {
        assertThat(ErrorCode.ROOM_FULL.rejection().code()).isEqualTo("room/full");
        assertThat(ErrorCode.ROOM_FULL.rejection().message()).isEqualTo(ErrorCode.ROOM_FULL.sentence());
        assertThat(ErrorCode.ROOM_FULL.rejection("All four seats are taken.").message())
                .isEqualTo("All four seats are taken.");
    }

    @Test
    void the_name_of_a_constant_spells_its_code() {
        assertThat(ErrorCode.values()).allSatisfy(e -> assertThat(e.name().toLowerCase())
                .isEqualTo(e.code().replace('/', '_')));
    }

    @Test
    void a_code_carries_its_http_status_and_a_games_own_code_is_a_conflict() {
        assertThat(ErrorCode.of("room/full")).contains(ErrorCode.ROOM_FULL);
        assertThat(ErrorCode.status("room/full")).isEqualTo(409);
        assertThat(ErrorCode.status("room/not_found")).isEqualTo(404);
        assertThat(ErrorCode.status("request/too_large")).isEqualTo(413);
        assertThat(ErrorCode.status("auth/missing_token")).isEqualTo(401);
        assertThat(ErrorCode.status("auth/forbidden_origin")).isEqualTo(403);
        assertThat(ErrorCode.status("rate/limited")).isEqualTo(429);
        assertThat(ErrorCode.status("server/error")).isEqualTo(500);
        assertThat(ErrorCode.of("avalon/team_size")).isEmpty();
        assertThat(ErrorCode.status("avalon/team_size")).isEqualTo(409);
    }
}
