-- Kubernetes sync: changes waiting for delivery (written with the change), each secret's sync
-- state, and the lock that lets one replica deliver and reconcile at a time.
create table sync_outbox (
    id              bigint generated always as identity primary key,
    tenant          varchar(128) not null,
    secret_name     varchar(63)  not null,
    created_at      timestamp with time zone not null,
    attempts        integer      not null,
    next_attempt_at timestamp with time zone not null
);
create index sync_outbox_due on sync_outbox (next_attempt_at);

create table sync_state (
    tenant          varchar(128)  not null,
    secret_name     varchar(63)   not null,
    state           varchar(16)   not null,
    last_success_at timestamp with time zone,
    last_error      varchar(1000),
    used_by         varchar(4000) not null,
    primary key (tenant, secret_name)
);

create table sync_lock (
    name       varchar(64)  not null primary key,
    owner      varchar(128) not null,
    expires_at timestamp with time zone not null
);
insert into sync_lock (name, owner, expires_at) values ('kubernetes-sync', '', timestamp '1970-01-01 00:00:00');
