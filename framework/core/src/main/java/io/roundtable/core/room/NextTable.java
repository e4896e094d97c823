package io.roundtable.core.room;

/**
 * Where a finished room's table plays again: the next room, and the member who asked first.
 *
 * @param room the next room's id
 * @param by   the member of the finished room whose ask created it
 */
public record NextTable(String room, String by) {
}
