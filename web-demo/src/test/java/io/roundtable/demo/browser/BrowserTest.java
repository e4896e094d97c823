package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;

import io.quarkus.test.common.http.TestHTTPResource;

/** A browser test's pages on the test app: opened as needed, all closed after each test. */
abstract class BrowserTest {
    @TestHTTPResource("/")
    URI uri;

    private final List<Page> pages = new ArrayList<>();

    /**
     * Every page's client applied every patch it was sent: a patch that does not apply to the frame the
     * client holds makes it fetch a snapshot again ({@code client/resync}), which a steady socket never needs.
     */
    @AfterEach
    void closeBrowsers() {
        List<String> resyncs = new ArrayList<>();
        try {
            for (Page page : pages) {
                try {
                    page.clientErrors().stream().filter(e -> e.startsWith("client/resync")).forEach(resyncs::add);
                } catch (RuntimeException e) {
                    // a page that can no longer be read (closed by its test) has nothing to tell
                }
            }
        } finally {
            pages.forEach(Page::close);
            pages.clear();
        }
        assertThat(resyncs).as("patches a page's client could not apply").isEmpty();
    }

    /** A fresh headless Chromium on the app's start page. */
    Page browser() {
        return track(Chromium.open(uri.toString()));
    }

    /** The same in a window of the given size. */
    Page browser(int width, int height) {
        return track(Chromium.open(uri.toString(), width, height));
    }

    /**
     * A browser that reaches the app under another name, {@code host} (mapped to 127.0.0.1 inside this
     * Chromium only), so that its pages have an origin the test server does not allow.
     */
    Page browserAt(String host) {
        String base = uri.toString().replace("://localhost:", "://" + host + ":").replace("://127.0.0.1:", "://" + host + ":");
        return track(Chromium.open(base, 1280, 900, "--host-resolver-rules=MAP " + host + " 127.0.0.1"));
    }

    private Page track(Page page) {
        pages.add(page);
        return page;
    }
}
