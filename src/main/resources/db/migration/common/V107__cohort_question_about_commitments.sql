-- A coach's question for the cohort can point each member at their own commitments from the last session (issue 16,
-- part 4): each member's check-in then shows, beside the question, what they said they would try, read for them alone
-- when the card is made. Nothing of any member is stored here: only that the question points at them.
ALTER TABLE cohort_question ADD COLUMN about_commitments BOOLEAN DEFAULT FALSE NOT NULL;
