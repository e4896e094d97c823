package io.roundtable.runtime.archive;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One entry of an archived match's move log. */
@Entity
@Table(name = "match_move")
@IdClass(ArchivedMove.Key.class)
public class ArchivedMove extends PanacheEntityBase {
    @Id
    @Column(name = "match_id")
    public String matchId;
    @Id
    public int idx;
    public String kind;
    public int seat;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String action;
    @Column(name = "by_whom")
    public String byWhom;
    public Instant at;
    public long version;

    public static final class Key implements Serializable {
        public String matchId;
        public int idx;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(matchId, k.matchId) && idx == k.idx;
        }

        @Override
        public int hashCode() {
            return Objects.hash(matchId, idx);
        }
    }
}
