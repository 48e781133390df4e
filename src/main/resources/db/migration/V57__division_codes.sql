-- Places become national administrative division codes (six digits, places/divisions.csv): employers, positions and
-- self-arranged work keep the free-text city column beside the code (the label of the chosen division for new rows,
-- what people wrote for old ones); the policy's home city becomes a division code too. V58 (a Java migration) maps
-- the existing free text; what it cannot map stays NULL and is listed for an administrator (/admin/places/unmatched).
ALTER TABLE pos_employer  ADD COLUMN division_code VARCHAR(6);
ALTER TABLE pos_position  ADD COLUMN division_code VARCHAR(6);
ALTER TABLE plc_self_work ADD COLUMN division_code VARCHAR(6);
ALTER TABLE pol_version   ADD COLUMN home_division VARCHAR(6);
