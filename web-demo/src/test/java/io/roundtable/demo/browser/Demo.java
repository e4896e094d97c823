package io.roundtable.demo.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What a person does in the demo's lobby and room shell, as clicks on the real page. */
public final class Demo {
    private Demo() {
    }

    /** Creates a room from the lobby form (after {@code options} set the game's fields) and joins it. */
    public static String createRoom(Page page, String name, int bots, Consumer<Page> options) {
        return createRoom(page, "avalon", name, bots, options);
    }

    public static String createRoom(Page page, String game, String name, int bots, Consumer<Page> options) {
        page.go("#/");
        page.awaitElement("#create-game option[value='" + game + "']");
        page.select("#create-game", game);
        page.type("#name-lobby", name);
        options.accept(page);
        page.type("#create-bots", String.valueOf(bots));
        page.click("#create-submit");
        page.await("the new room opens", () -> page.hash().startsWith("#/room/"));
        return page.room();
    }

    /** Finds the room in the lobby's list and presses Join (or Watch). */
    public static void joinFromLobby(Page page, String name, String room, boolean spectator) {
        page.go("#/");
        page.type("#name-lobby", name);
        String button = spectator ? "[data-watch='" + room + "']" : "[data-join='" + room + "']";
        page.awaitElement(button);
        page.click(button);
        page.await(name + " is in the room", () -> page.hash().equals("#/room/" + room) && page.exists(".room"));
    }

    /** Opens the room's shared link and takes a seat (or watches). */
    public static void joinFromLink(Page page, String name, String room, boolean spectator) {
        page.go("#/room/" + room);
        page.type("#name-join", name);
        page.click(spectator ? "#join-watch" : "#join-seat");
        page.await(name + " is in the room", () -> page.exists(".room") && page.exists("#chat-input"));
    }

    public static void ready(Page page) {
        page.click("#ready-toggle[aria-pressed='false']");
        page.await("the ready flag is set", () -> page.exists("#ready-toggle[aria-pressed='true']")
                || page.exists(".avalon") || page.exists(".loveletter"));
    }

    /** The eyes the replay page offers to see a match through: the values of its viewer list, in order. */
    public static List<String> replayViewers(Page page) {
        List<String> values = new ArrayList<>();
        page.json("[...document.querySelectorAll('#replay-viewer option')].map((o) => o.value)")
                .forEach(value -> values.add(value.asText()));
        return values;
    }

    /**
     * Saves a screenshot to target/screenshots, or to the directory named by the system property
     * {@code screenshots} (docs/web-demo.md: how the documentation images are made).
     */
    public static void screenshot(Page page, String file) {
        String dir = System.getProperty("screenshots", "target/screenshots");
        page.screenshot(Path.of(dir, file));
    }
}
