package io.roundtable.core.spi;

import java.util.List;

/** The result of applying an action: a new state (with public events), or a rejection. */
public sealed interface Decision<S> {

    record Accepted<S>(S state, List<Object> events) implements Decision<S> {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected<S>(Rejection rejection) implements Decision<S> {
    }

    static <S> Decision<S> accept(S state, Object... events) {
        return new Accepted<>(state, List.of(events));
    }

    static <S> Decision<S> reject(String code, String sentence) {
        return new Rejected<>(new Rejection(code, sentence));
    }

    static <S> Decision<S> reject(Rejection rejection) {
        return new Rejected<>(rejection);
    }
}
