-- 0009: document numbers. A register per issuing body and year, as the office keeps on paper: each
-- report of a document template takes the next number as it is rendered; a number whose run then
-- fails stays in the register as void (with the reason), so no number is ever given twice or reused.

CREATE TABLE document_numbers (
    body                TEXT    NOT NULL,                   -- the issuing body: its committee's code (else the locality's)
    year                INTEGER NOT NULL,                   -- the year the number was issued, in Vietnam time
    number              INTEGER NOT NULL CHECK (number >= 1),
    symbol              TEXT    NOT NULL,                   -- the body's symbol as printed: "TU" in "123-BC/TU"
    type                TEXT    NOT NULL,                   -- the document type's abbreviation: "BC" (báo cáo)
    text                TEXT    NOT NULL,                   -- the number as printed: "123-BC/TU"
    -- The run that took it. No foreign key: on the scale-out path the register may live in PostgreSQL while runs are elsewhere.
    run_id              INTEGER NOT NULL UNIQUE,
    status              TEXT    NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'void')),
    issued_at           TEXT    NOT NULL,                   -- UTC, as in 0002
    issued_on           TEXT    NOT NULL,                   -- the date printed with it (yyyy-MM-dd, Vietnam time)
    voided_at           TEXT,
    voided_reason       TEXT,
    PRIMARY KEY (body, year, number)
);

-- The number a run printed ("123-BC/TU") and the date it was issued on; NULL for runs of templates that
-- are not documents. A `runs rerun --same-number` copies both from the run it reprints.
ALTER TABLE runs ADD COLUMN document_number TEXT;
ALTER TABLE runs ADD COLUMN document_date TEXT;
-- The run whose number a `runs rerun --same-number` reprints; it takes no number of its own.
ALTER TABLE runs ADD COLUMN reprints_run_id INTEGER REFERENCES runs(id);
