package io.roundtable.runtime.archive;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One seat of an archived match: who sat there, what the game revealed, and how it went for them. */
@Entity
@Table(name = "match_participant")
@IdClass(Participant.Key.class)
public class Participant extends PanacheEntityBase {
    @Id
    @ManyToOne
    @JoinColumn(name = "match_id")
    public ArchivedMatch match;
    @Id
    public int seat;
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "display_name")
    public String displayName;
    public boolean bot;
    public String revealed;
    public String side;
    public String result;

    public static final class Key implements Serializable {
        public String match;
        public int seat;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(match, k.match) && seat == k.seat;
        }

        @Override
        public int hashCode() {
            return Objects.hash(match, seat);
        }
    }
}
