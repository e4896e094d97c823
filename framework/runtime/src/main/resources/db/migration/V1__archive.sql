-- Finished matches, written once per match (the primary key makes a second write a no-op).
create table match (
    id           varchar(64)  primary key,          -- the room id: one room, one match
    game         varchar(64)  not null,
    options      jsonb        not null,
    seed         bigint       not null,
    players      integer      not null,
    created_at   timestamptz  not null,
    finished_at  timestamptz  not null,
    archived_at  timestamptz  not null default now(),
    summary      text         not null,
    outcome      jsonb        not null,
    final_state  jsonb        not null,
    move_count   integer      not null
);
create index match_game_finished on match (game, finished_at desc);
create index match_finished on match (finished_at desc);

create table match_participant (
    match_id     varchar(64)  not null references match (id) on delete cascade,
    seat         integer      not null,
    member_id    varchar(16)  not null,
    display_name varchar(64)  not null,
    bot          boolean      not null,
    revealed     varchar(64),                       -- what the game reveals at the end (e.g. a role)
    side         varchar(64),                       -- the side played for, where the game has sides
    result       varchar(8)   not null,             -- win, loss, none (aborted or a draw)
    primary key (match_id, seat)
);
create index match_participant_name on match_participant (lower(display_name));

create table match_move (
    match_id     varchar(64)  not null references match (id) on delete cascade,
    idx          integer      not null,
    kind         varchar(8)   not null,             -- act, join, leave
    seat         integer      not null,
    action       jsonb,
    by_whom      varchar(16)  not null,             -- player, bot, timeout
    at           timestamptz  not null,
    version      bigint       not null,
    primary key (match_id, idx)
);
