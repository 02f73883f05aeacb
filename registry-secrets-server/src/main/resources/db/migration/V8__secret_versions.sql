-- Every create, patch and restore keeps a version of the secret: who and when, the registries, a
-- keyed fingerprint of the content and the content itself, encrypted like the secret. The last few
-- per secret are kept (regsecrets.secrets.versions-kept); deleting the secret deletes them all.
-- Secrets stored before this migration get their first version with their next change.
create table secret_version (
    tenant      varchar(128)  not null,
    secret_name varchar(63)   not null,
    version     bigint        not null,
    created_at  timestamp with time zone not null,
    actor       varchar(256)  not null,
    origin      varchar(64)   not null,
    registries  varchar(4000) not null,
    fingerprint varchar(64)   not null,
    key_id      bigint        not null,
    ciphertext  bytea         not null,
    primary key (tenant, secret_name, version)
);
