package io.roundtable.core.room;

/**
 * The classes that own the engine's concerns, one per concern. Each {@link Command} names the desk
 * method that handles it ({@link Command#handle}); only the engine makes a set of desks.
 */
public final class Desks {
    final Lobby lobby;
    final Play play;
    final Mail mail;
    final Sweep sweep;
    final VoiceDesk voice;

    Desks(RoomSettings settings) {
        this.play = new Play(settings);
        this.lobby = new Lobby(settings, play);
        this.mail = new Mail(settings);
        this.sweep = new Sweep(settings, lobby, play);
        this.voice = new VoiceDesk();
    }
}
