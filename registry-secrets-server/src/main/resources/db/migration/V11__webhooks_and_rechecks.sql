-- Webhooks: where a tenant's notifications go. The signing secret is stored only as ciphertext.
create table webhook (
    id                varchar(36)   not null primary key,
    tenant            varchar(128)  not null,
    url               varchar(2000) not null,
    events            varchar(1000) not null,
    secret_ciphertext bytea         not null,
    key_id            bigint        not null,
    created_at        timestamp with time zone not null,
    created_by        varchar(256)  not null
);
create index webhook_tenant on webhook (tenant);

-- The durable outbox: one row per event and webhook, written in the transaction that decided the
-- event; delivered at least once, with the event's id for de-duplication.
create table webhook_delivery (
    event_id        varchar(36)   not null,
    webhook_id      varchar(36)   not null,
    tenant          varchar(128)  not null,
    event_type      varchar(100)  not null,
    body            varchar(8000) not null,
    created_at      timestamp with time zone not null,
    state           varchar(16)   not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone not null,
    last_outcome    varchar(300),
    primary key (event_id, webhook_id)
);
create index webhook_delivery_due on webhook_delivery (state, next_attempt_at);

-- Which expiry notices were sent, so that each threshold of each expiry fires once.
create table expiry_notice (
    tenant      varchar(128) not null,
    secret_name varchar(63)  not null,
    expires_at  timestamp with time zone not null,
    threshold   varchar(16)  not null,
    primary key (tenant, secret_name, expires_at, threshold)
);

-- Scheduled re-checks: how often (seconds), when next, and the last outcome's state.
alter table docker_registry_secret add column recheck_every bigint;
alter table docker_registry_secret add column recheck_next_at timestamp with time zone;
alter table docker_registry_secret add column recheck_state varchar(16);
create index secret_recheck_due on docker_registry_secret (recheck_next_at);
create index secret_expires_at on docker_registry_secret (expires_at);

insert into sync_lock (name, owner, expires_at) values ('secret-watch', '', timestamp '1970-01-01 00:00:00');
