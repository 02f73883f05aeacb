-- A secret whose logins the server derives and renews: the long-lived cloud credential, sealed
-- like a secret's content (bound to tenant and name), and the state of its renewals. The derived
-- login itself is the secret's ordinary content. Deleting the secret deletes its source.
create table credential_source (
    tenant       varchar(128) not null,
    secret_name  varchar(63)  not null,
    type         varchar(16)  not null,
    -- Changes whenever the source is replaced, so that a renewal of the old one is not recorded.
    generation   varchar(36)  not null,
    key_id       bigint       not null,
    ciphertext   bytea        not null,
    expires_at   timestamp with time zone not null,
    renew_at     timestamp with time zone not null,
    renewed_at   timestamp with time zone,
    state        varchar(16)  not null,
    message      varchar(500),
    failures     integer      not null,
    primary key (tenant, secret_name),
    foreign key (tenant, secret_name) references docker_registry_secret (tenant, name) on delete cascade
);
create index credential_source_due on credential_source (renew_at);
