-- 0010: what a committee's report prints as a Party document (Guidance 36-HD/VPTW, 3 April 2018):
-- the issuing body top left ("TỈNH ỦY LÂM ĐỒNG"; lines separated by a line feed, the last one the
-- issuer, any above it the superior body), its symbol in the number ("TU" in "Số 123-BC/TU"), the
-- signer's authority, position and name, and the place in the date line. NULL means "not set":
-- the templates print their own defaults.
ALTER TABLE committees ADD COLUMN issuing_body TEXT;
ALTER TABLE committees ADD COLUMN body_symbol TEXT;
ALTER TABLE committees ADD COLUMN signer_authority TEXT;
ALTER TABLE committees ADD COLUMN signer_position TEXT;
ALTER TABLE committees ADD COLUMN signer_name TEXT;
ALTER TABLE committees ADD COLUMN place TEXT;
