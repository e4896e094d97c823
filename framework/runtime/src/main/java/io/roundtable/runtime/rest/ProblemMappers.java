package io.roundtable.runtime.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.runtime.protocol.ErrorBody;
import io.roundtable.runtime.protocol.Problem;
import io.roundtable.runtime.protocol.WireCommand;

/** Every REST failure leaves as {"error": {code, message}} with a status that fits its code. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Anything unexpected: logged here with its details, answered without them. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure of a REST call", e);
        return Response.status(500).entity(new Api.Error(ErrorBody.of(ErrorCode.SERVER_ERROR))).build();
    }

    @ServerExceptionMapper
    public Response problem(Problem problem) {
        return Response.status(problem.status()).entity(new Api.Error(problem.body())).build();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        ErrorCode code = WireCommand.unknownType(e) ? ErrorCode.REQUEST_UNKNOWN_COMMAND : ErrorCode.REQUEST_MALFORMED;
        return problem(new Problem(code));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unknownType(InvalidTypeIdException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return problem(new Problem(ErrorCode.REQUEST_TOO_LARGE));
        }
        if (status == 400) {
            return problem(new Problem(ErrorCode.REQUEST_MALFORMED));
        }
        if (status == 404) {
            return Response.status(404).entity(new Api.Error(ErrorBody.of(ErrorCode.REQUEST_NOT_FOUND))).build();
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase() + ".";
        if (status >= 400 && status < 500) {
            // 405, 406, 415…: the request's shape, answered with the status docs/protocol.md gives request/*.
            return problem(new Problem(ErrorCode.REQUEST_INVALID, reason));
        }
        return Response.status(status).entity(new Api.Error(ErrorBody.of(ErrorCode.REQUEST_INVALID
                .rejection(reason), null))).build();
    }
}
