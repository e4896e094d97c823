package io.roundtable.runtime.rest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.roundtable.runtime.ws.Origins;

/**
 * Whether the calling page may open room sockets. A browser never shows why a WebSocket upgrade was
 * refused, so a page whose socket keeps failing asks here (a POST, so that the browser sends its
 * {@code Origin}) and can say so on screen.
 */
@Path("/api/sockets/check")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lobby")
public class SocketCheckResource {
    private final Origins origins;

    public SocketCheckResource(Origins origins) {
        this.origins = origins;
    }

    @POST
    @Operation(summary = "Whether a socket from the calling page's Origin would be accepted")
    public Api.SocketCheck check(@HeaderParam("Origin") String origin, @HeaderParam("Host") String host) {
        return new Api.SocketCheck(origin, origins.allowed(origin, host));
    }
}
