package io.roundtable.core.spi;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A parameter of a {@link Choice}: what the player picks, and how the picked value goes into the
 * action's field {@code name}. On the wire each carries its {@code kind}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = Param.Seats.class, name = "seats"),
        @JsonSubTypes.Type(value = Param.Cards.class, name = "cards"),
        @JsonSubTypes.Type(value = Param.Number.class, name = "number"),
        @JsonSubTypes.Type(value = Param.OneOf.class, name = "oneOf"),
        @JsonSubTypes.Type(value = Param.YesNo.class, name = "yesNo") })
public sealed interface Param {

    /** The action's field the value goes into. */
    String name();

    /** What the picker says. */
    String label();

    /**
     * {@code min} to {@code max} of these seats. The value is the seat number when {@code max} is 1,
     * otherwise the list of seat numbers.
     */
    record Seats(String name, String label, List<Integer> from, int min, int max) implements Param {
        public Seats {
            from = List.copyOf(from);
        }
    }

    /**
     * {@code min} to {@code max} of these cards, from the viewer's hand. The value is the card when
     * {@code max} is 1, otherwise the list of cards.
     */
    record Cards(String name, String label, List<String> from, int min, int max) implements Param {
        public Cards {
            from = List.copyOf(from);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    record Number(String name, String label, int min, int max) implements Param {
    }

    /** One of these values (strings or numbers), shown as they are. */
    record OneOf(String name, String label, List<Object> values) implements Param {
        public OneOf {
            values = List.copyOf(values);
        }
    }

    /** {@code true} or {@code false}. */
    record YesNo(String name, String label) implements Param {
    }

    static Param seats(String name, String label, List<Integer> from, int count) {
        return new Seats(name, label, from, count, count);
    }

    static Param seat(String name, String label, List<Integer> from) {
        return new Seats(name, label, from, 1, 1);
    }

    static Param cards(String name, String label, List<String> from, int count) {
        return new Cards(name, label, from, count, count);
    }

    static Param card(String name, String label, List<String> from) {
        return new Cards(name, label, from, 1, 1);
    }

    static Param number(String name, String label, int min, int max) {
        return new Number(name, label, min, max);
    }

    static Param oneOf(String name, String label, List<?> values) {
        return new OneOf(name, label, List.copyOf(values));
    }

    static Param yesNo(String name, String label) {
        return new YesNo(name, label);
    }
}
