package io.roundtable.games.avalon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole game, secrets included. Each secret lives in one place: {@code roles} (by seat), the
 * {@code votes} cast on the proposal under vote, the {@code cards} played on the quest under way.
 * Everything else is public or derived (a Lady result is the target's side, read from {@code roles}).
 *
 * @param options     the rules in play (public)
 * @param roles       the role dealt to each seat (secret)
 * @param firstLeader the seat that led first (drawn at setup)
 * @param stage       what the game waits for
 * @param leader      the current leader
 * @param team        the proposed or questing team; empty while the leader chooses
 * @param votes       votes cast so far on {@code team} (secret until the last one)
 * @param cards       quest cards played so far (secret; only the fail count is ever told)
 * @param proposals   every decided proposal, oldest first: the vote grid
 * @param quests      every finished quest
 * @param ladyUses    every use of the Lady of the Lake
 * @param assassinTarget whom the Assassin named, once named
 * @param winner      the winning side once the game is over
 * @param ending      why the game ended, e.g. {@code "three_failures"}
 */
public record AvalonState(AvalonOptions options, List<Role> roles, int firstLeader, Stage stage, int leader,
        List<Integer> team, Map<Integer, Vote> votes, Map<Integer, Card> cards, List<Proposal> proposals,
        List<Quest> quests, List<LadyUse> ladyUses, Integer assassinTarget, Side winner, String ending) {

    public AvalonState {
        roles = List.copyOf(roles);
        team = List.copyOf(team);
        votes = new TreeMap<>(votes);
        cards = new TreeMap<>(cards);
        proposals = List.copyOf(proposals);
        quests = List.copyOf(quests);
        ladyUses = List.copyOf(ladyUses);
    }

    /** A decided proposal. {@code votes} by seat; empty when the hammer forced it through. */
    public record Proposal(int quest, int attempt, int leader, List<Integer> team, List<Vote> votes,
            boolean approved) {
        public boolean forced() {
            return votes.isEmpty();
        }
    }

    /** A finished quest: only the number of Fail cards is kept. */
    public record Quest(int number, List<Integer> team, int fails, boolean succeeded) {
    }

    /** The holder examined the target right after quest {@code afterQuest}. */
    public record LadyUse(int afterQuest, int holder, int target) {
    }

    static AvalonState dealt(AvalonOptions options, List<Role> roles, int firstLeader) {
        return new AvalonState(options, roles, firstLeader, Stage.PROPOSE, firstLeader, List.of(), Map.of(), Map.of(),
                List.of(), List.of(), List.of(), null, null, null);
    }

    public int players() {
        return roles.size();
    }

    public Counts counts() {
        return Counts.of(players());
    }

    /** The quest being prepared or played (1…5); after the last quest, its number. */
    public int questNumber() {
        return Math.min(quests.size() + 1, Counts.QUESTS);
    }

    public int teamSize() {
        return counts().teamSize(questNumber());
    }

    /** Proposals rejected in a row since the last approved one: the count an approval resets. */
    public int rejections() {
        int count = 0;
        for (int i = proposals.size() - 1; i >= 0 && !proposals.get(i).approved(); i--) {
            count++;
        }
        return count;
    }

    public long successes() {
        return quests.stream().filter(Quest::succeeded).count();
    }

    public long failures() {
        return quests.size() - successes();
    }

    public Side loyalty(int seat) {
        return roles.get(seat).side();
    }

    public boolean over() {
        return stage == Stage.OVER;
    }

    /** Whether the options put {@code role} in play (public, unlike who holds it). */
    public boolean inPlay(Role role) {
        return RoleSets.inPlay(options).contains(role);
    }

    /** The seat holding {@code role}, if dealt. */
    public Optional<Integer> seatOf(Role role) {
        int seat = roles.indexOf(role);
        return seat < 0 ? Optional.empty() : Optional.of(seat);
    }

    /** Seats that held the Lady of the Lake, in order: first the seat to the right of the first leader. */
    public List<Integer> ladyHolders() {
        if (!options.lady()) {
            return List.of();
        }
        List<Integer> holders = new ArrayList<>();
        holders.add(Math.floorMod(firstLeader - 1, players()));
        ladyUses.forEach(use -> holders.add(use.target()));
        return holders;
    }

    public Optional<Integer> ladyHolder() {
        List<Integer> holders = ladyHolders();
        return holders.isEmpty() ? Optional.empty() : Optional.of(holders.get(holders.size() - 1));
    }

    /** The seats the game waits for. */
    public Set<Integer> awaiting() {
        Set<Integer> seats = new TreeSet<>();
        switch (stage) {
            case PROPOSE -> seats.add(leader);
            case VOTE -> {
                for (int seat = 0; seat < players(); seat++) {
                    if (!votes.containsKey(seat)) {
                        seats.add(seat);
                    }
                }
            }
            case QUEST -> team.stream().filter(seat -> !cards.containsKey(seat)).forEach(seats::add);
            case LADY -> ladyHolder().ifPresent(seats::add);
            case ASSASSINATE -> seatOf(Role.ASSASSIN).ifPresent(seats::add);
            default -> {
            }
        }
        return seats;
    }

    public int nextSeat(int seat) {
        return (seat + 1) % players();
    }

    Draft draft() {
        return new Draft(this);
    }

    /** A mutable copy for building the next state in one readable block. */
    static final class Draft {
        Stage stage;
        int leader;
        List<Integer> team;
        Map<Integer, Vote> votes;
        Map<Integer, Card> cards;
        final List<Proposal> proposals;
        final List<Quest> quests;
        final List<LadyUse> ladyUses;
        Integer assassinTarget;
        Side winner;
        String ending;
        private final AvalonState from;

        private Draft(AvalonState s) {
            from = s;
            stage = s.stage;
            leader = s.leader;
            team = s.team;
            votes = new TreeMap<>(s.votes);
            cards = new TreeMap<>(s.cards);
            proposals = new ArrayList<>(s.proposals);
            quests = new ArrayList<>(s.quests);
            ladyUses = new ArrayList<>(s.ladyUses);
            assassinTarget = s.assassinTarget;
        }

        Draft end(Side side, String why) {
            stage = Stage.OVER;
            winner = side;
            ending = why;
            return this;
        }

        AvalonState build() {
            return new AvalonState(from.options, from.roles, from.firstLeader, stage, leader, team, votes, cards,
                    proposals, quests, ladyUses, assassinTarget, winner, ending);
        }
    }
}
