-- When a secret's credentials expire, per registry entry (given by the user or learned from the
-- credential itself, as JSON), and the earliest of them for the list filter.
alter table docker_registry_secret add column expiry varchar(4000);
alter table docker_registry_secret add column expires_at timestamp with time zone;
