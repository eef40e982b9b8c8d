-- Schema version 11 (PostgreSQL; the same meaning as src/store/sql/0011_zeitzone.sql):
-- the office's time zone (an IANA name). Instants stay timestamptz (schema 10).
ALTER TABLE buero ADD COLUMN zeitzone TEXT NOT NULL DEFAULT 'Europe/Berlin';
