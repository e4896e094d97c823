package io.roundtable.core.room;

/** Turns a JSON mapping failure into a short sentence without echoing the input back. */
final class JsonErrors {
    private JsonErrors() {
    }

    static String describe(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "unreadable value" : e.getMessage();
        int cut = message.indexOf('\n');
        message = cut >= 0 ? message.substring(0, cut) : message;
        message = message.replaceAll("\\(class [^)]*\\)", "")
                .replaceAll("`(?:[A-Za-z_$][\\w$]*\\.)+([A-Za-z_$][\\w$]*)`", "`$1`")
                .replaceAll("\\s+", " ").trim();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
