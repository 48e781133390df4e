-- A calendar year is published once the State Council's arrangement (国务院办公厅关于节假日安排的通知: holidays with the
-- days joined to them, make-up workdays) is entered; a year without a row is provisional: it holds only the holidays
-- certain by rule, and pages and API answers that depend on its dates say so. source: STANDARD (the arrangements
-- shipped in calendar/StandardCalendar, 2022–2026) or IMPORT (an administrator's import of the year).
CREATE TABLE cal_year (
    year         INT          NOT NULL PRIMARY KEY,
    source       VARCHAR(16)  NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    published_by VARCHAR(100) NOT NULL,
    CONSTRAINT cal_year_source_ck CHECK (source IN ('STANDARD', 'IMPORT'))
);

-- Databases that loaded the standard calendar hold the published arrangements of 2022–2026.
INSERT INTO cal_year (year, source, published_at, published_by)
SELECT DISTINCT EXTRACT(YEAR FROM special_date)::INT, 'STANDARD', now(), 'system'
FROM cal_special_day
WHERE special_date BETWEEN DATE '2022-01-01' AND DATE '2026-12-31';
