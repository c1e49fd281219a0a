-- A reply to a question can be an answer ('antwoord').
ALTER TABLE reactions DROP CONSTRAINT reactions_kind_check;
ALTER TABLE reactions ADD CONSTRAINT reactions_kind_check
    CHECK (kind IN ('herkenning', 'aanvulling', 'vraag', 'zorg', 'voorbeeld', 'antwoord'));
