-- Lists and JSON documents that grow with a secret's registries (at most 100 per secret, each key
-- up to the .dockerconfigjson's 32 KiB): columns wide enough for any of them, on H2 and PostgreSQL.
alter table docker_registry_secret alter column registries set data type varchar(200000);
alter table docker_registry_secret alter column verification set data type varchar(200000);
alter table docker_registry_secret alter column expiry set data type varchar(200000);
alter table secret_version alter column registries set data type varchar(200000);
alter table secret_version alter column expiry set data type varchar(200000);
