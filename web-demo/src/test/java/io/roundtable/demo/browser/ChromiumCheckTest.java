package io.roundtable.demo.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Browser tests fail, never skip, when Chromium is not installed, and say how to install it. */
class ChromiumCheckTest {

    @Test
    void a_missing_browser_fails_the_browser_tests_with_the_install_command() {
        assertThatThrownBy(() -> Chromium.requireInstalled(Path.of("/nonexistent/chromium"), Path.of("/usr/bin/chromedriver")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/nonexistent/chromium is missing")
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
    }

    @Test
    void a_missing_driver_fails_the_browser_tests_with_the_install_command() {
        assertThatThrownBy(() -> Chromium.requireInstalled(Path.of("/usr/bin/chromium"), Path.of("/nonexistent/chromedriver")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
    }
}
