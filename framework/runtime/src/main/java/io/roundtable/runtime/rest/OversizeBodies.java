package io.roundtable.runtime.rest;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.roundtable.core.error.ErrorCode;
import io.roundtable.runtime.config.RoundtableConfig;
import io.roundtable.runtime.protocol.ErrorBody;

/**
 * Refuses bodies over {@code roundtable.limits.max-body-bytes} with the typed error every other
 * refusal has. ({@code quarkus.http.limits.max-body-size} stays as a larger hard cap, which Vert.x
 * answers with a bare 413.)
 */
public class OversizeBodies {
    private final RoundtableConfig config;

    public OversizeBodies(RoundtableConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<RestResponse<Api.Error>> refuseOversize(ContainerRequestContext request) {
        if (request.getLength() > config.limits().maxBodyBytes()) {
            return Optional.of(RestResponse.status(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    new Api.Error(ErrorBody.of(ErrorCode.REQUEST_TOO_LARGE))));
        }
        return Optional.empty();
    }
}
