package io.roundtable.archetype;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The generated README, and the command in the first code block under a heading. */
record Readme(String text) {

    static Readme of(Path file) throws IOException {
        return new Readme(Files.readString(file));
    }

    /** The one line of the first fenced code block after the heading {@code ## <heading>}. */
    String command(String heading) {
        Matcher m = Pattern.compile("(?m)^## " + Pattern.quote(heading) + "\\s*$[\\s\\S]*?^```\\s*$\\n(.+)\\n^```")
                .matcher(text);
        if (!m.find()) {
            throw new AssertionError("The README has no command under \"## " + heading + "\":\n" + text);
        }
        return m.group(1).strip();
    }
}
