-- The hours an offset covered belong to the credit record itself (issue 13: the certificate read them from
-- recognition's items, another module's table). Filled from the recognition items the records were written from.
ALTER TABLE cr_credit_record ADD COLUMN offset_hours NUMERIC(7, 2);

UPDATE cr_credit_record r SET offset_hours = i.offset_hours
  FROM cr_recognition_item i
 WHERE r.basis = 'OFFSET' AND i.recognition_id = r.recognition_id AND i.student_id = r.student_id;
