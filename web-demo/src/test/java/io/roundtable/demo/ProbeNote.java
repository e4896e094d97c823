package io.roundtable.demo;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntity;

/** A test-only entity that proves Hibernate Reactive Panache talks to the embedded PostgreSQL. */
@Entity
@Table(name = "probe_note")
public class ProbeNote extends PanacheEntity {
    public String text;
}
