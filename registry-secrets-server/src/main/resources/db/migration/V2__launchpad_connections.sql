-- AI API connections of the Launchpad. The client secret is stored only as ciphertext.
create table ai_api_connection (
    name              varchar(63)   not null primary key,
    ai_api_url        varchar(2000) not null,
    token_url         varchar(2000) not null,
    client_id         varchar(256)  not null,
    secret_ciphertext bytea         not null,
    key_id            bigint        not null,
    builtin           boolean       not null,
    created_at        timestamp with time zone not null,
    modified_at       timestamp with time zone not null
);

-- The workspace each user chose last.
alter table launchpad_user add column current_connection varchar(63);
