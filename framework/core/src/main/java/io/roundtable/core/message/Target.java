package io.roundtable.core.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Where a message goes: the whole room, one member, or one private channel. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Target.Room.class, name = "room"),
        @JsonSubTypes.Type(value = Target.Direct.class, name = "direct"),
        @JsonSubTypes.Type(value = Target.ChannelTarget.class, name = "channel") })
public sealed interface Target {

    record Room() implements Target {
    }

    record Direct(String member) implements Target {
    }

    record ChannelTarget(String channel) implements Target {
    }

    static Target room() {
        return new Room();
    }

    static Target member(String memberId) {
        return new Direct(memberId);
    }

    static Target channel(String channelId) {
        return new ChannelTarget(channelId);
    }
}
