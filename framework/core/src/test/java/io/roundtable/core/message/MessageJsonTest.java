package io.roundtable.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.roundtable.core.json.Json;

/** Messages travel as JSON: every target kind carries its discriminator and reads back. */
class MessageJsonTest {

    @Test
    void each_target_kind_has_its_discriminator() {
        assertThat(Json.write(Target.room())).isEqualTo("{\"kind\":\"room\"}");
        assertThat(Json.write(Target.member("m2"))).isEqualTo("{\"kind\":\"direct\",\"member\":\"m2\"}");
        assertThat(Json.write(Target.channel("evil"))).isEqualTo("{\"kind\":\"channel\",\"channel\":\"evil\"}");
    }

    @Test
    void messages_deliveries_and_receipts_round_trip() {
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        for (Target to : List.of(Target.room(), Target.member("m2"), Target.channel("evil"))) {
            Delivery delivery = new Delivery("m2", new Message(3, "r:7", "m1", "Ann", to, "hi\nthere", at));
            assertThat(Json.read(Json.write(delivery), Delivery.class)).isEqualTo(delivery);
        }
        DirectReceipt receipt = new DirectReceipt("r:7", "m1", "m2", 3);
        assertThat(Json.read(Json.write(receipt), DirectReceipt.class)).isEqualTo(receipt);
    }
}
