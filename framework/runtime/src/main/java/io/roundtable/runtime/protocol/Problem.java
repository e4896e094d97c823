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

    /** HTTP status by the code's namespace. */
    public int status() {
        String code = body.code();
        if (code.startsWith("server/")) {
            return 500;
        }
        if (code.equals("request/too_large")) {
            return 413;
        }
        if (code.equals("room/not_found") || code.equals("room/unknown_game") || code.equals("request/not_found")) {
            return 404;
        }
        if (code.startsWith("request/") || code.equals("room/invalid_options") || code.equals("room/name_invalid")) {
            return 400;
        }
        if (code.equals("auth/forbidden_origin")) {
            return 403;
        }
        if (code.startsWith("auth/")) {
            return 401;
        }
        if (code.startsWith("rate/") || code.startsWith("limit/")) {
            return 429;
        }
        return 409;
    }
}
