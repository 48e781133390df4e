-- Assessment (module assessment): whether a month was frozen late (more than a day after it closed: the first start
-- catching up, an outage), its on-track figures then computed as of the month's last day instead of the day of the
-- freeze. Months frozen before this column keep FALSE (their figures stay as they were frozen). Adding a column with
-- a constant default rewrites no row, so the append-only triggers of V85 are not fired.
ALTER TABLE asm_month ADD COLUMN reconstructed BOOLEAN NOT NULL DEFAULT FALSE;
