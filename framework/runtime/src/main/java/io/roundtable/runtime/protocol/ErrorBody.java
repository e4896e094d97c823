package io.roundtable.runtime.protocol;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.spi.Rejection;

/** A typed error as clients receive it: a stable code, a sentence, and the room version when there is one. */
public record ErrorBody(String code, String message, Long version) {

    public static ErrorBody of(Rejection rejection, Long version) {
        return new ErrorBody(rejection.code(), rejection.message(), version);
    }

    public static ErrorBody of(ErrorCode code) {
        return new ErrorBody(code.code(), code.sentence(), null);
    }
}
