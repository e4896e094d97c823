package io.roundtable.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.roundtable.runtime.config.RoundtableConfig.Store.Kind;
import io.roundtable.runtime.fixture.Configs;

class StoreKindTest {

    @Test
    void rooms_are_kept_in_redis_unless_the_configuration_says_otherwise() {
        assertThat(Configs.of().store().kind()).isEqualTo(Kind.REDIS);
    }

    @Test
    void memory_is_written_in_lower_case_as_the_docs_show() {
        assertThat(Configs.of("roundtable.store.kind", "memory").store().kind()).isEqualTo(Kind.MEMORY);
    }
}
