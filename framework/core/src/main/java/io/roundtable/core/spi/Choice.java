package io.roundtable.core.spi;

import java.util.List;

/**
 * One thing a viewer may do now, as a view lists it in its {@code youMay} field: the browser UI's
 * generic table draws a button per choice and a picker per parameter, and sends
 * {@code {"type": action, <param name>: <picked value>, …}} when the button is pressed.
 *
 * <pre>{@code
 * // {"action":"pick","label":"Pick a number","params":[{"kind":"number","name":"number","label":"Your number","min":1,"max":5}]}
 * Choice.of("pick", "Pick a number", Param.number("number", "Your number", 1, 5))
 * }</pre>
 *
 * @param action the action's {@code type}
 * @param label  what the button says
 * @param params the action's other fields, each picked by the player; empty for a plain button
 */
public record Choice(String action, String label, List<Param> params) {

    public Choice {
        params = List.copyOf(params);
    }

    public static Choice of(String action, String label, Param... params) {
        return new Choice(action, label, List.of(params));
    }
}
