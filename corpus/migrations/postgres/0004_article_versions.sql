-- Article versions. A story published again with its facts changed (a vote
-- count corrected, a country's vote changed), at the same URL or another,
-- is a new version of the story: an article of its own, with its own
-- record, that names the story's first article in story_id. A page whose
-- text is nearly the same and whose facts are the same stays a duplicate.
-- revised orders the versions of a story: the page's modification time
-- when it states a readable one, else the article's date; ties go to the
-- article stored later.

ALTER TABLE articles ADD COLUMN story_id BIGINT  NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN revised TEXT NOT NULL DEFAULT '';
UPDATE articles SET story_id = id, revised = date;
CREATE INDEX articles_story ON articles (story_id, revised, id);

-- Near duplicates stored before were linked for their words alone, without
-- their facts being compared. Marking them as not yet extracted makes
-- `tally reextract` compare them again and store those whose facts differ
-- as versions.
UPDATE duplicates SET extractor = '' WHERE kind = 'near';
