-- Links to reactions open the page of the discussion that starts with their
-- thread (`?na=<cursor>`, see discussion::link), so a reaction in an older
-- thread is on the page a link opens. Entries written before led to the
-- first page only; they are rewritten the same way.
UPDATE search_docs SET link = (
    SELECT substr(search_docs.link, 1, instr(search_docs.link, '#') - 1)
           || '?na=' || t.created_at || '-' || (t.id + 1) || '#reactie-' || r.id
    FROM reactions r JOIN reactions t ON t.id = COALESCE(r.root_id, r.id)
    WHERE r.id = CAST(search_docs.ref_key AS INTEGER))
WHERE kind = 'reaction' AND instr(link, '?') = 0 AND instr(link, '#') > 0
  AND EXISTS (SELECT 1 FROM reactions r WHERE r.id = CAST(search_docs.ref_key AS INTEGER));

UPDATE notifications SET link = (
    SELECT substr(notifications.link, 1, instr(notifications.link, '#') - 1)
           || '?na=' || t.created_at || '-' || (t.id + 1) || '#reactie-' || r.id
    FROM reactions r JOIN reactions t ON t.id = COALESCE(r.root_id, r.id)
    WHERE r.id = CAST(substr(notifications.link, instr(notifications.link, '#reactie-') + 9) AS INTEGER))
WHERE link GLOB '*#reactie-[0-9]*' AND instr(link, '?') = 0
  AND EXISTS (SELECT 1 FROM reactions r
              WHERE r.id = CAST(substr(notifications.link, instr(notifications.link, '#reactie-') + 9) AS INTEGER));
