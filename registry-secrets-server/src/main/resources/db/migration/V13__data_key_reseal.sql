-- The lease of the job that seals rows again with the primary data key after a rotation.
insert into sync_lock (name, owner, expires_at) values ('data-key-reseal', '', timestamp '1970-01-01 00:00:00');
