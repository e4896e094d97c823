-- Test-only table for ProbeNote (the foundation test's Panache round trip).
create sequence probe_note_seq start with 1 increment by 50;
create table probe_note (
    id   bigint primary key,
    text varchar(255) not null
);
