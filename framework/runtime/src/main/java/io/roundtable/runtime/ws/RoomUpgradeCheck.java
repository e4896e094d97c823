package io.roundtable.runtime.ws;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.roundtable.core.error.ErrorCode;
import io.roundtable.runtime.limits.RateLimits;
import io.roundtable.runtime.rooms.RoomService;
import io.roundtable.runtime.rooms.Tokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Authenticates a room socket before the upgrade: the Origin must be allowed, the token must be this
 * room's and its member must still be in the room. Refusals carry the error code in a header.
 */
@ApplicationScoped
public class RoomUpgradeCheck implements HttpUpgradeCheck {
    static final UserData.TypedKey<String> MEMBER = UserData.TypedKey.forString("roundtable.member");
    static final UserData.TypedKey<String> CLIENT = UserData.TypedKey.forString("roundtable.client");
    static final String ERROR_HEADER = "X-Roundtable-Error";

    private final Tokens tokens;
    private final RoomService rooms;
    private final RateLimits limits;
    private final Origins origins;

    public RoomUpgradeCheck(Tokens tokens, RoomService rooms, RateLimits limits, Origins origins) {
        this.tokens = tokens;
        this.rooms = rooms;
        this.limits = limits;
        this.origins = origins;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return RoomSocket.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        if (!origins.allowed(request.getHeader("Origin"), request.getHeader("Host"))) {
            return refuse(403, ErrorCode.AUTH_FORBIDDEN_ORIGIN);
        }
        String room = context.pathParam("room");
        String token = request.getParam("token");
        if (token == null || token.isEmpty()) {
            return refuse(401, ErrorCode.AUTH_MISSING_TOKEN);
        }
        String member = tokens.member(room, token).orElse(null);
        if (member == null) {
            return refuse(401, ErrorCode.AUTH_INVALID_TOKEN);
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return rooms.current(room).chain(current -> {
            if (current == null) {
                return refuse(404, ErrorCode.ROOM_NOT_FOUND);
            }
            if (current.member(member).filter(m -> !m.bot()).isEmpty()) {
                return refuse(401, ErrorCode.AUTH_INVALID_TOKEN);
            }
            if (!limits.openSocket(client)) {
                return refuse(429, ErrorCode.RATE_LIMITED);
            }
            context.userData().put(MEMBER, member);
            context.userData().put(CLIENT, client);
            return CheckResult.permitUpgrade();
        });
    }

    private static Uni<CheckResult> refuse(int status, ErrorCode code) {
        return CheckResult.rejectUpgrade(status, Map.of(ERROR_HEADER, List.of(code.code())));
    }
}
