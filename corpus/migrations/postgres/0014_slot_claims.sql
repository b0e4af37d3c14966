-- A slot counts its claims, and a claim's number is what ends it: a
-- release ends only the claim it was made for, not a later one that took
-- the slot after the first ran out (its worker stalled past the hold).
-- A count, not the claim's time, so that two claims never share a number
-- however the clocks go.
ALTER TABLE slots ADD COLUMN claims BIGINT NOT NULL DEFAULT 0;
