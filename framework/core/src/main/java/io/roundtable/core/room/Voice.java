package io.roundtable.core.room;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A room's voice mesh, as the server knows it: who is in it (in the order they joined, so a newcomer
 * knows whom to call), who is muted, and for each pair the link state each side reports — so "online
 * but not connected to X" is visible. Media never passes through the server.
 *
 * @param links reporter → peer → {@code new | connecting | connected | failed}
 */
public record Voice(int max, List<String> participants, Map<String, Boolean> muted, Map<String, Map<String, String>> links) {
    public static final Set<String> LINK_STATES = Set.of("new", "connecting", "connected", "failed");

    public Voice {
        participants = List.copyOf(participants);
        muted = Map.copyOf(muted);
        links = copy(links);
    }

    public static Voice open(int max) {
        return new Voice(max, List.of(), Map.of(), Map.of());
    }

    public boolean contains(String member) {
        return participants.contains(member);
    }

    Voice join(String member) {
        List<String> next = new ArrayList<>(participants);
        next.add(member);
        Map<String, Boolean> nextMuted = new LinkedHashMap<>(muted);
        nextMuted.put(member, false);
        return new Voice(max, next, nextMuted, links);
    }

    /** The member leaves the mesh; every link to or from it goes with it. */
    Voice leave(String member) {
        List<String> next = new ArrayList<>(participants);
        next.remove(member);
        Map<String, Boolean> nextMuted = new LinkedHashMap<>(muted);
        nextMuted.remove(member);
        Map<String, Map<String, String>> nextLinks = new LinkedHashMap<>();
        links.forEach((from, peers) -> {
            if (!from.equals(member)) {
                Map<String, String> kept = new LinkedHashMap<>(peers);
                kept.remove(member);
                nextLinks.put(from, kept);
            }
        });
        return new Voice(max, next, nextMuted, nextLinks);
    }

    Voice report(String member, Boolean isMuted, Map<String, String> reported) {
        Map<String, Boolean> nextMuted = new LinkedHashMap<>(muted);
        if (isMuted != null) {
            nextMuted.put(member, isMuted);
        }
        Map<String, Map<String, String>> nextLinks = new LinkedHashMap<>(links);
        if (reported != null && !reported.isEmpty()) {
            Map<String, String> mine = new LinkedHashMap<>(nextLinks.getOrDefault(member, Map.of()));
            mine.putAll(reported);
            nextLinks.put(member, mine);
        }
        return new Voice(max, participants, nextMuted, nextLinks);
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> links) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        links.forEach((from, peers) -> copy.put(from, Map.copyOf(peers)));
        return Map.copyOf(copy);
    }
}
