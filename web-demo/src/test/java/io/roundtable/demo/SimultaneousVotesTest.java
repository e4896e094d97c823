package io.roundtable.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.roundtable.core.json.Json;
import io.roundtable.demo.support.RestMember;

/** Five players of Avalon over REST: everyone votes at once against the version they all saw. */
@QuarkusTest
class SimultaneousVotesTest {

    /** Five seated and ready, the game on; members in seat order. */
    static List<RestMember> table() {
        String room = RestMember.createRoom("avalon", "{\"players\":5}");
        List<RestMember> seats = new ArrayList<>();
        for (String name : List.of("Ann", "Bob", "Cy", "Dee", "Eve")) {
            seats.add(RestMember.join(room, name));
        }
        seats.forEach(member -> member.post("/ready", "{\"ready\":true}"));
        seats.get(0).awaitPhase("PLAY");
        return seats;
    }

    /** The first leader proposed a team of the first seats: its seat and the version of the proposal. */
    record Proposal(int leader, long version) {
    }

    static Proposal propose(List<RestMember> seats) {
        JsonNode view = seats.get(0).view();
        int leader = view.at("/frame/game/leader").asInt();
        int size = view.at("/frame/game/questSizes/0").asInt();
        List<Integer> team = new ArrayList<>();
        for (int seat = 0; team.size() < size; seat++) {
            team.add(seat);
        }
        String propose = act("{\"type\":\"propose\",\"team\":" + team + "}", view.get("version").asLong());
        return new Proposal(leader, seats.get(leader).post("/actions", propose).get("version").asLong());
    }

    static String act(String action, long expectedVersion) {
        return "{\"action\":" + action + ",\"expectedVersion\":" + expectedVersion + "}";
    }

    @Test
    void five_players_voting_at_the_same_moment_with_the_same_version_are_all_accepted() {
        List<RestMember> seats = table();
        long seen = propose(seats).version();

        List<CompletableFuture<Response>> votes = new ArrayList<>();
        for (RestMember member : seats) {
            votes.add(CompletableFuture.supplyAsync(() -> member.request()
                    .body(act("{\"type\":\"vote\",\"vote\":\"approve\"}", seen))
                    .post("/api/rooms/{room}/actions", member.room)));
        }
        List<Integer> statuses = votes.stream().map(CompletableFuture::join).map(Response::statusCode).toList();
        assertThat(statuses).as("every vote against version %d", seen).containsOnly(200);
        JsonNode after = seats.get(0).view().at("/frame/game");
        assertThat(after.get("phase").asText()).as("the team was approved and went on its quest").isEqualTo("quest");
        assertThat(after.at("/proposals/0/votes")).hasSize(5);
    }

    @Test
    void a_vote_sent_with_the_version_from_before_the_proposal_is_stale() {
        List<RestMember> seats = table();
        Proposal proposal = propose(seats);
        RestMember voter = seats.get((proposal.leader() + 1) % seats.size());
        long beforeProposal = proposal.version() - 1;
        long proposed = proposal.version();

        JsonNode refused = Json.read(voter.request().body(act("{\"type\":\"vote\",\"vote\":\"reject\"}", beforeProposal))
                .post("/api/rooms/{room}/actions", voter.room).then().statusCode(409).extract().asString(),
                JsonNode.class);
        assertThat(refused.at("/error/code").asText()).isEqualTo("action/stale_version");
        assertThat(refused.at("/error/version").asLong()).isEqualTo(proposed);
        assertThat(voter.post("/actions", act("{\"type\":\"vote\",\"vote\":\"reject\"}", proposed))
                .get("ok").asBoolean()).isTrue();
    }
}
