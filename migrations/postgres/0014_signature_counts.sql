-- Signatures counted per role as they come and go, so the manifest page does
-- not count 200,000 rows on every view. A trigger keeps the counts right for
-- every write, whatever path it takes.
CREATE TABLE signature_counts (
    role   TEXT   PRIMARY KEY,
    signed BIGINT NOT NULL
);

INSERT INTO signature_counts (role, signed)
SELECT role, COUNT(*) FROM signatures GROUP BY role;

CREATE FUNCTION count_signatures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE signature_counts SET signed = signed - 1 WHERE role = OLD.role;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO signature_counts (role, signed) VALUES (NEW.role, 1)
        ON CONFLICT (role) DO UPDATE SET signed = signature_counts.signed + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER signatures_counted
AFTER INSERT OR DELETE OR UPDATE OF role ON signatures
FOR EACH ROW EXECUTE FUNCTION count_signatures();
