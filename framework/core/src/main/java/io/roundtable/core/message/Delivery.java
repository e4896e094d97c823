package io.roundtable.core.message;

/** A message placed in the inbox of {@code member}. */
public record Delivery(String member, Message message) {
}
