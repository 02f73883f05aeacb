-- Launchpad sessions (Spring Session JDBC), so that a user keeps working when the replica that
-- served them stops. Attribute values are sealed with the data keys (SealedSessionAttributes).
create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Token buckets shared by all replicas (ClusterRateLimiter): a replica borrows a few tokens at a
-- time, so the limit holds across replicas at one statement per borrow, not per request.
create table rate_bucket (
    bucket      varchar(200)     not null primary key,
    tokens      double precision not null,
    refilled_at bigint           not null
);

-- Replicas poll for keys revoked in the last seconds (ServiceKeyService).
create index service_key_revoked_at on service_key (revoked_at);
