-- A criteria set says which unit types it judges: the New Rural sets are for communes (Xã), not
-- wards (Phường) or towns (Thị trấn); a list separated by ';', NULL for every unit. The reference
-- data is loaded again by the next `ntm init` to fill it.
ALTER TABLE criteria_set ADD COLUMN unit_types VARCHAR;
-- A criterion's short Vietnamese label for a table's column ("BHYT", "Bác sĩ/vạn dân"); NULL: its code (15.1).
ALTER TABLE criterion ADD COLUMN label_vi VARCHAR;
DELETE FROM reference_dataset WHERE dataset = 'reference';
