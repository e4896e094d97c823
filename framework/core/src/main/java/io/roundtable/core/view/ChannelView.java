package io.roundtable.core.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.roundtable.core.room.GameAdapter;
import io.roundtable.core.room.Member;
import io.roundtable.core.room.Phase;
import io.roundtable.core.room.Room;
import io.roundtable.core.spi.Channel;
import io.roundtable.core.spi.Viewer;

/** One entry of a frame's {@code channels}: a channel the viewer reads, whether they may write, and its readers. */
public record ChannelView(String id, boolean canWrite, List<String> members) {

    /** Only the channels this viewer reads, each with the seated members who read it, in seat order. */
    static List<ChannelView> of(Room room, GameAdapter<?, ?, ?> game, Viewer viewer) {
        if (viewer.isSpectator() || room.phase() != Phase.PLAY || room.state() == null || room.state().isNull()) {
            return List.of();
        }
        List<ChannelView> views = new ArrayList<>();
        for (Channel channel : game.channels(room.state())) {
            if (!channel.readers().contains(viewer.seat())) {
                continue;
            }
            List<String> readers = room.members().stream().filter(m -> m.isSeated() && channel.readers().contains(m.seat()))
                    .sorted(Comparator.comparingInt(Member::seat)).map(Member::id).toList();
            views.add(new ChannelView(channel.id(), channel.writers().contains(viewer.seat()), readers));
        }
        return views;
    }
}
