-- Evidence holds offsets, not copies (see ../0007_evidence_offsets.sql):
-- each piece of evidence of a stored record gains sentence_end and loses
-- its copies of the words ("text") and of the sentence ("sentence"), in
-- counts, stances and mentions (objects) and votes[].evidence (arrays).
-- Evidence already without a "sentence" is left as it is. The same work
-- in PostgreSQL's jsonb functions; length() counts characters here too.

UPDATE records SET json = jsonb_set(json::jsonb, '{counts}', (
	SELECT jsonb_agg(CASE WHEN x.value -> 'evidence' -> 'sentence' IS NOT NULL
		THEN jsonb_set(x.value #- '{evidence,text}' #- '{evidence,sentence}', '{evidence,sentence_end}',
			to_jsonb((x.value -> 'evidence' ->> 'sentence_start')::int + length(x.value -> 'evidence' ->> 'sentence')))
		ELSE x.value END ORDER BY x.ord)
	FROM jsonb_array_elements(json::jsonb -> 'counts') WITH ORDINALITY AS x (value, ord)))::text
WHERE jsonb_typeof(json::jsonb -> 'counts') = 'array' AND jsonb_array_length(json::jsonb -> 'counts') > 0;

UPDATE records SET json = jsonb_set(json::jsonb, '{stances}', (
	SELECT jsonb_agg(CASE WHEN x.value -> 'evidence' -> 'sentence' IS NOT NULL
		THEN jsonb_set(x.value #- '{evidence,text}' #- '{evidence,sentence}', '{evidence,sentence_end}',
			to_jsonb((x.value -> 'evidence' ->> 'sentence_start')::int + length(x.value -> 'evidence' ->> 'sentence')))
		ELSE x.value END ORDER BY x.ord)
	FROM jsonb_array_elements(json::jsonb -> 'stances') WITH ORDINALITY AS x (value, ord)))::text
WHERE jsonb_typeof(json::jsonb -> 'stances') = 'array' AND jsonb_array_length(json::jsonb -> 'stances') > 0;

UPDATE records SET json = jsonb_set(json::jsonb, '{mentions}', (
	SELECT jsonb_agg(CASE WHEN x.value -> 'evidence' -> 'sentence' IS NOT NULL
		THEN jsonb_set(x.value #- '{evidence,text}' #- '{evidence,sentence}', '{evidence,sentence_end}',
			to_jsonb((x.value -> 'evidence' ->> 'sentence_start')::int + length(x.value -> 'evidence' ->> 'sentence')))
		ELSE x.value END ORDER BY x.ord)
	FROM jsonb_array_elements(json::jsonb -> 'mentions') WITH ORDINALITY AS x (value, ord)))::text
WHERE jsonb_typeof(json::jsonb -> 'mentions') = 'array' AND jsonb_array_length(json::jsonb -> 'mentions') > 0;

UPDATE records SET json = jsonb_set(json::jsonb, '{votes}', (
	SELECT jsonb_agg(CASE WHEN jsonb_typeof(v.value -> 'evidence') = 'array' AND jsonb_array_length(v.value -> 'evidence') > 0
		THEN jsonb_set(v.value, '{evidence}', (
			SELECT jsonb_agg(CASE WHEN e.value -> 'sentence' IS NOT NULL
				THEN jsonb_set(e.value - 'text' - 'sentence', '{sentence_end}',
					to_jsonb((e.value ->> 'sentence_start')::int + length(e.value ->> 'sentence')))
				ELSE e.value END ORDER BY e.ord)
			FROM jsonb_array_elements(v.value -> 'evidence') WITH ORDINALITY AS e (value, ord)))
		ELSE v.value END ORDER BY v.ord)
	FROM jsonb_array_elements(json::jsonb -> 'votes') WITH ORDINALITY AS v (value, ord)))::text
WHERE jsonb_typeof(json::jsonb -> 'votes') = 'array' AND jsonb_array_length(json::jsonb -> 'votes') > 0;
