-- Links to reactions open the page of the discussion that starts with their
-- thread (`?na=<cursor>`, see discussion::link), so a reaction in an older
-- thread is on the page a link opens. Entries written before led to the
-- first page only; they are rewritten the same way.
UPDATE search_docs d
SET link = split_part(d.link, '#', 1) || '?na=' || t.created_at || '-' || (t.id + 1)
           || '#reactie-' || r.id
FROM reactions r JOIN reactions t ON t.id = COALESCE(r.root_id, r.id)
WHERE d.kind = 'reaction' AND CAST(r.id AS TEXT) = d.ref_key
  AND strpos(d.link, '?') = 0 AND strpos(d.link, '#') > 0;

UPDATE notifications n
SET link = split_part(n.link, '#', 1) || '?na=' || t.created_at || '-' || (t.id + 1)
           || '#reactie-' || r.id
FROM reactions r JOIN reactions t ON t.id = COALESCE(r.root_id, r.id)
WHERE CAST(r.id AS TEXT) = substring(n.link FROM '#reactie-([0-9]+)$')
  AND strpos(n.link, '?') = 0;
