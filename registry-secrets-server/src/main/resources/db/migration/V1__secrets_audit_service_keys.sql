-- Runs unchanged on H2 and PostgreSQL.

-- One row per secret. Only the ciphertext holds the Docker config; listing reads plain columns.
create table docker_registry_secret (
    tenant      varchar(128)  not null,
    name        varchar(63)   not null,
    version     bigint        not null,
    created_at  timestamp with time zone not null,
    modified_at timestamp with time zone not null,
    registries  varchar(4000) not null,
    key_id      bigint        not null,
    ciphertext  bytea         not null,
    primary key (tenant, name)
);

-- Counts secrets per tenant so that the quota holds under concurrent creates (row lock on update).
create table tenant_usage (
    tenant       varchar(128) not null primary key,
    secret_count bigint       not null
);

create table audit_event (
    id          bigint generated always as identity primary key,
    occurred_at timestamp with time zone not null,
    tenant      varchar(128) not null,
    actor       varchar(256) not null,
    action      varchar(32)  not null,
    secret_name varchar(256) not null,
    outcome     varchar(32)  not null,
    request_id  varchar(64)  not null
);
create index audit_event_tenant_time on audit_event (tenant, occurred_at);

-- Clients of the embedded token issuer. Only a hash of the client secret is kept.
create table service_key (
    client_id   varchar(64)  not null primary key,
    secret_hash varchar(128) not null,
    tenant      varchar(128) not null,
    role        varchar(32)  not null,
    description varchar(500) not null,
    created_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone
);

-- Launchpad users (built-in login). Passwords are stored with a slow hash.
create table launchpad_user (
    username      varchar(64)  not null primary key,
    password_hash varchar(200) not null,
    roles         varchar(500) not null,
    password_change_required boolean not null,
    created_at    timestamp with time zone not null
);
