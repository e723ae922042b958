-- An agency may hold two candidates of one person: a candidate keeps the person it was first stored with when a resend
-- changes its address, and a later application with the old address is a new candidate of that same person.
ALTER TABLE "candidates" DROP CONSTRAINT "candidates_agency_person";
