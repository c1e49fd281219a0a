-- A plan's principles are read by plan (on every plan page and with every
-- reaction posted); the primary key starts with the principle, so without
-- this each lookup read the whole table (12 ms at 100,000 plans).
CREATE INDEX plan_principles_by_plan ON plan_principles (plan_id);
