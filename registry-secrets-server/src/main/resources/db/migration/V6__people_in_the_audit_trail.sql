-- Who acted: a person's user name (Launchpad on this server, or a personal token of an external
-- issuer) or a service key's client id; origin says which (launchpad, the provider's origin, api).
alter table audit_event add column origin varchar(64) default 'api' not null;
create index audit_event_tenant_secret on audit_event (tenant, secret_name, id);
create index audit_event_time on audit_event (occurred_at);

-- What Launchpad users did through remote AI API connections: the remote server audits the
-- connection's service key, this table the person behind it.
create table launchpad_audit_event (
    id          bigint generated always as identity primary key,
    occurred_at timestamp with time zone not null,
    username    varchar(64)  not null,
    connection  varchar(64)  not null,
    action      varchar(32)  not null,
    secret_name varchar(256) not null,
    outcome     varchar(64)  not null
);
create index launchpad_audit_event_secret on launchpad_audit_event (connection, secret_name, id);
create index launchpad_audit_event_time on launchpad_audit_event (occurred_at);

-- Raised whenever a user's roles or password change (or the user is removed): sessions that
-- began under an older value end on their next request.
alter table launchpad_user add column session_epoch bigint default 0 not null;

insert into sync_lock (name, owner, expires_at) values ('audit-retention', '', timestamp '1970-01-01 00:00:00');
