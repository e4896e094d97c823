package io.roundtable.demo.voice;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.roundtable.demo.cluster.Node;
import io.roundtable.demo.cluster.Servers;

/**
 * The voice mesh scenario as a program, meant to run inside a loopback-only network namespace (see
 * VoiceMeshIT): a real Redis and PostgreSQL, the packaged app in production mode, headless Chromium
 * browsers on the voice page. Three members join in order, every pair connects and hears the others;
 * one mutes; two restart ICE at once; one leaves and rejoins and the mesh heals; one moves to the demo's room page and joins voice from its
 * panel, and the mesh heals again; then five members
 * join a new room. Arguments: the JSON file to write what it saw to, and a time budget in seconds.
 * Exits 0 when every step completed, 1 otherwise (the file then says where and why).
 */
public final class MeshRun {
    private final Path out;
    private final ObjectNode result = MeshScenario.JSON.createObjectNode();
    private final List<VoiceBrowser> pages = new CopyOnWriteArrayList<>();
    private final AtomicBoolean written = new AtomicBoolean();
    private final long started = System.nanoTime();
    private volatile String step = "starting";

    private MeshRun(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        MeshRun run = new MeshRun(Path.of(args[0]));
        long budget = args.length > 1 ? Long.parseLong(args[1]) : 150;
        Thread watchdog = new Thread(() -> {
            VoiceBrowser.sleep(budget * 1000);
            run.finish(1, "did not finish within " + budget + " s; stuck at: " + run.step, true);
        }, "budget");
        watchdog.setDaemon(true);
        watchdog.start();
        run.finish(run.scenario(), null, false);
    }

    /** The steps; answers the exit code. */
    private int scenario() throws IOException {
        result.set("interfaces", MeshScenario.JSON.valueToTree(
                Collections.list(NetworkInterface.getNetworkInterfaces()).stream().map(NetworkInterface::getName).toList()));
        step("Redis and PostgreSQL");
        try (Servers servers = Servers.start()) {
            int port = Servers.freePort();
            Map<String, String> settings = new HashMap<>(servers.settings());
            settings.put("roundtable.ws.allowed-origins", "http://127.0.0.1:" + port);
            step("the packaged app on port " + port + " (log: target/it-voice.log)");
            try (Node app = Node.start("voice", port, settings)) {
                result.put("startupMs", millisSince(started));
                step("three browsers");
                pages.addAll(open("Ann", "Bob", "Cy"));
                MeshScenario three = new MeshScenario(app.base(), pages, result.putObject("three"));
                step("three: enter the room");
                three.enterRoom();
                step("three: join voice in order");
                three.joinInOrder();
                pages.get(0).screenshot(out.resolveSibling("three-members.png"));
                step("three: mute and unmute");
                three.muteAndUnmute(2);
                step("three: both ends restart ICE at once");
                three.restartBothEnds(0, 2);
                step("three: leave and rejoin");
                three.leaveAndRejoin(1);
                step("three: one moves to the room page and joins voice there");
                three.moveToRoomPage(0, 1);
                pages.get(0).screenshot(out.resolveSibling("room-page.png"));

                step("two more browsers");
                pages.addAll(open("Dee", "Eve"));
                MeshScenario five = new MeshScenario(app.base(), pages, result.putObject("five"));
                step("five: enter a new room");
                five.enterRoom();
                step("five: join voice in order");
                five.joinInOrder();
                step("done");
                return 0;
            } catch (Throwable failure) {
                StringWriter trace = new StringWriter();
                failure.printStackTrace(new PrintWriter(trace));
                fail("at " + step + ": " + trace);
                return 1;
            } finally {
                pages.forEach(VoiceBrowser::close);
            }
        } catch (Throwable failure) {
            fail("at " + step + ": " + failure);
            return 1;
        }
    }

    private void step(String name) {
        step = name;
        System.out.printf("[%6d ms] %s%n", millisSince(started), name);
    }

    private synchronized void fail(String failure) {
        if (result.has("failure")) {
            return;
        }
        result.put("failure", failure);
        try {
            // A browser stuck in a command answers nothing else, so ask with a deadline.
            Map<String, Object> seen = CompletableFuture.supplyAsync(() -> MeshScenario.diagnostics(pages))
                    .get(15, TimeUnit.SECONDS);
            result.set("pages", MeshScenario.JSON.valueToTree(seen));
        } catch (Exception e) {
            result.put("pages", "the browsers did not answer: " + e);
        }
    }

    /** Writes the record once (the scenario or the budget watchdog, whichever comes first) and exits. */
    private void finish(int exit, String failure, boolean fromWatchdog) {
        if (failure != null) {
            fail(failure);
        }
        if (!written.compareAndSet(false, true)) {
            return;
        }
        try {
            result.put("totalMs", millisSince(started));
            result.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).trim()); // the machine's, at the end
            Files.createDirectories(out.toAbsolutePath().getParent());
            MeshScenario.JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
            System.out.println(MeshScenario.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        } catch (IOException e) {
            e.printStackTrace();
        }
        if (fromWatchdog) {
            // Outside a process namespace nothing else would stop them; inside one they end with us anyway.
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        }
        System.exit(exit);
    }

    /** Starts the browsers side by side (each takes a second or two). */
    private static List<VoiceBrowser> open(String... names) throws Exception {
        ExecutorService starter = Executors.newFixedThreadPool(names.length);
        try {
            List<Future<VoiceBrowser>> starting = new ArrayList<>();
            for (String name : names) {
                starting.add(starter.submit(() -> VoiceBrowser.open(name)));
            }
            List<VoiceBrowser> browsers = new ArrayList<>();
            for (Future<VoiceBrowser> browser : starting) {
                browsers.add(browser.get());
            }
            return browsers;
        } finally {
            starter.shutdown();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
