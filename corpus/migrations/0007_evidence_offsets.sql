-- Evidence holds offsets, not copies: each piece of evidence in a stored
-- record keeps start, end and sentence_start, gains sentence_end (the
-- sentence's end, in characters, as length() counts them) and loses its
-- copies of the text ("text") and of the sentence ("sentence"), which
-- readers now take from the article text. Evidence sits in four places
-- of a record: counts[].evidence, stances[].evidence, mentions[].evidence
-- (objects) and votes[].evidence[] (arrays). Evidence already without a
-- "sentence" is left as it is. Plain JSON work, one UPDATE per place.

UPDATE records SET json = json_set(json, '$.counts', json((
	SELECT json_group_array(json(CASE WHEN json_type(c.value, '$.evidence.sentence') = 'text'
		THEN json_set(json_remove(c.value, '$.evidence.text', '$.evidence.sentence'), '$.evidence.sentence_end',
			json_extract(c.value, '$.evidence.sentence_start') + length(json_extract(c.value, '$.evidence.sentence')))
		ELSE c.value END) ORDER BY c.key)
	FROM json_each(records.json, '$.counts') AS c)))
WHERE json_array_length(json, '$.counts') > 0;

UPDATE records SET json = json_set(json, '$.stances', json((
	SELECT json_group_array(json(CASE WHEN json_type(s.value, '$.evidence.sentence') = 'text'
		THEN json_set(json_remove(s.value, '$.evidence.text', '$.evidence.sentence'), '$.evidence.sentence_end',
			json_extract(s.value, '$.evidence.sentence_start') + length(json_extract(s.value, '$.evidence.sentence')))
		ELSE s.value END) ORDER BY s.key)
	FROM json_each(records.json, '$.stances') AS s)))
WHERE json_array_length(json, '$.stances') > 0;

UPDATE records SET json = json_set(json, '$.mentions', json((
	SELECT json_group_array(json(CASE WHEN json_type(m.value, '$.evidence.sentence') = 'text'
		THEN json_set(json_remove(m.value, '$.evidence.text', '$.evidence.sentence'), '$.evidence.sentence_end',
			json_extract(m.value, '$.evidence.sentence_start') + length(json_extract(m.value, '$.evidence.sentence')))
		ELSE m.value END) ORDER BY m.key)
	FROM json_each(records.json, '$.mentions') AS m)))
WHERE json_array_length(json, '$.mentions') > 0;

UPDATE records SET json = json_set(json, '$.votes', json((
	SELECT json_group_array(json(CASE WHEN json_array_length(v.value, '$.evidence') > 0
		THEN json_set(v.value, '$.evidence', json((
			SELECT json_group_array(json(CASE WHEN json_type(e.value, '$.sentence') = 'text'
				THEN json_set(json_remove(e.value, '$.text', '$.sentence'), '$.sentence_end',
					json_extract(e.value, '$.sentence_start') + length(json_extract(e.value, '$.sentence')))
				ELSE e.value END) ORDER BY e.key)
			FROM json_each(v.value, '$.evidence') AS e)))
		ELSE v.value END) ORDER BY v.key)
	FROM json_each(records.json, '$.votes') AS v)))
WHERE json_array_length(json, '$.votes') > 0;
