-- A version keeps the expiry its user gave, so that restoring it brings the expiry back too.
alter table secret_version add column expiry varchar(4000);
