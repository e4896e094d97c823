-- A rematch: the match whose table played again in this one. Not a foreign key: the match it follows may
-- be archived after this one, or not at all (a game abandoned unfinished).
alter table match add column follows varchar(64);
create index match_follows on match (follows);
