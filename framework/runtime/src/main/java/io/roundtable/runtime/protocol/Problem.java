package io.roundtable.runtime.protocol;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.core.spi.Rejection;

/** A rejection travelling as an exception through reactive pipelines; REST maps it to a status and body. */
public final class Problem extends RuntimeException {
    private final transient ErrorBody body;

    public Problem(Rejection rejection, Long version) {
        super(rejection.code(), null, false, false);
        this.body = ErrorBody.of(rejection, version);
    }

    public Problem(ErrorCode code) {
        this(code.rejection(), null);
    }

    public Problem(ErrorCode code, String sentence) {
        this(code.rejection(sentence), null);
    }

    public ErrorBody body() {
        return body;
    }

    /** The HTTP status its code carries ({@link ErrorCode#status(String)}). */
    public int status() {
        return ErrorCode.status(body.code());
    }
}
