-- The scenario a run was made from, so that a report or a later look at the run does not
-- depend on the file still being where it was, unchanged.
ALTER TABLE run ADD COLUMN scenario_path TEXT;   -- the file, or shipped:NAME
ALTER TABLE run ADD COLUMN scenario_yaml TEXT;   -- its YAML text at the start of the run
