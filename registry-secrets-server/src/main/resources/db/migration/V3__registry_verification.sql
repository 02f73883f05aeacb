-- The last check of a secret's credentials against its registries (results only, as JSON).
alter table docker_registry_secret add column verification varchar(8000);
