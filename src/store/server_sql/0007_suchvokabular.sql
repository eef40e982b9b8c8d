-- Schema version 7 (PostgreSQL; src/store/sql/0007_suchvokabular.sql): SQLite adds a view
-- of its index's vocabulary for the shortcut of very common search words. The server's
-- GIN index needs no such view; the version is kept so that both count alike.
SELECT 1;
