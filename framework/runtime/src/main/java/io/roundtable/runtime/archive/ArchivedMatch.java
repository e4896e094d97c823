package io.roundtable.runtime.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A finished match, as archived: enough to list it, score it, and replay it step by step. */
@Entity
@Table(name = "match")
public class ArchivedMatch extends PanacheEntityBase {
    @Id
    public String id;
    public String game;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String options;
    public long seed;
    public int players;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "archived_at")
    public Instant archivedAt;
    @Column(columnDefinition = "text")
    public String summary;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String outcome;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "final_state", columnDefinition = "jsonb")
    public String finalState;
    @Column(name = "move_count")
    public int moveCount;
    /** The match whose table played again in this one (a rematch), or null. */
    public String follows;

    @OneToMany(mappedBy = "match", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @OrderBy("seat")
    public List<Participant> participants = new ArrayList<>();
}
