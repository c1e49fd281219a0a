-- Signatures counted per role as they come and go, so the manifest page does
-- not count 200,000 rows on every view (it took 60 ms at national scale).
-- Triggers keep the counts right for every write, whatever path it takes.
CREATE TABLE signature_counts (
    role   TEXT    PRIMARY KEY,
    signed INTEGER NOT NULL
);

INSERT INTO signature_counts (role, signed)
SELECT role, COUNT(*) FROM signatures GROUP BY role;

CREATE TRIGGER signatures_count_in AFTER INSERT ON signatures
BEGIN
    INSERT INTO signature_counts (role, signed) VALUES (NEW.role, 1)
    ON CONFLICT (role) DO UPDATE SET signed = signed + 1;
END;

CREATE TRIGGER signatures_count_out AFTER DELETE ON signatures
BEGIN
    UPDATE signature_counts SET signed = signed - 1 WHERE role = OLD.role;
END;

CREATE TRIGGER signatures_count_moved AFTER UPDATE OF role ON signatures
BEGIN
    UPDATE signature_counts SET signed = signed - 1 WHERE role = OLD.role;
    INSERT INTO signature_counts (role, signed) VALUES (NEW.role, 1)
    ON CONFLICT (role) DO UPDATE SET signed = signed + 1;
END;
