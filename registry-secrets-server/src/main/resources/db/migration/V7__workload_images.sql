-- The images that the Pods pulling with a synced secret run: what would stop pulling if the
-- secret's credentials changed or went away.
alter table sync_state add column images varchar(4000) default '' not null;
