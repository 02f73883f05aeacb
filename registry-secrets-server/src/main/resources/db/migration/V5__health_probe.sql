-- One row that the health check writes and commits: a database that can answer reads but not
-- commit writes (a full disk, a read-only replica) reports DOWN.
create table health_probe (
    id         integer not null primary key,
    checked_at timestamp with time zone not null
);
insert into health_probe (id, checked_at) values (1, timestamp '1970-01-01 00:00:00');
