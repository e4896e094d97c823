package io.roundtable.sample.broken;

import io.roundtable.core.spi.Viewer;
import io.roundtable.sample.highcard.HighCard;
import io.roundtable.sample.highcard.HighCardState;

/**
 * Deliberately broken, not leaky: its view is a value whose {@code equals} says every two views are equal
 * while they serialise differently, so a typed delta skips every change. Random play must catch it in the
 * games whose deltas it checks.
 */
public class ViewsAllLookEqual extends HighCard {
    /** The real view, under a wrapper that claims to equal any other. */
    public static final class Wrapped {
        private final Object view;

        Wrapped(Object view) {
            this.view = view;
        }

        public Object getView() {
            return view;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Wrapped;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    @Override
    public String id() {
        return "equal_views";
    }

    @Override
    public Object view(HighCardState state, Viewer viewer) {
        return new Wrapped(super.view(state, viewer));
    }
}
