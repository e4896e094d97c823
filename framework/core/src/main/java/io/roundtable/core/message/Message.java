package io.roundtable.core.message;

import java.time.Instant;

/**
 * A message in one member's inbox. {@code seq} is gap-free per inbox; {@code from} is stamped by
 * the server from the authenticated sender, never taken from input.
 */
public record Message(long seq, String id, String from, String fromName, Target to, String text, Instant at) {
}
