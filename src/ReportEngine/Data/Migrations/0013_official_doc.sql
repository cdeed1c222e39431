-- 0013: the signature a run appended to its PDF (the whole incremental update: signature dictionary, widget,
-- visible box, replacement catalog and page, cross-reference and trailer; gzip, then base64), NULL for an unsigned PDF.
-- A `runs rerun --same-number` appends this same update to the re-rendered file instead of signing anew:
-- the reprint carries the signature made when the number was issued (its time, its timestamp token), not a
-- new one dated back, and it is accepted only when that signature still covers the re-rendered bytes.
ALTER TABLE runs ADD COLUMN signature_update TEXT;
