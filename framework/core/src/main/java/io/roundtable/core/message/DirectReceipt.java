package io.roundtable.core.message;

/** Where a direct message landed, so its sender can see whether it was delivered and read. */
public record DirectReceipt(String id, String from, String to, long seq) {
}
