-- Schema 11: the office's time zone (an IANA name), the clock every time is shown,
-- printed and sent on. Instants stay in UTC (schema 10); Europe/Berlin is what every
-- office had until now.
ALTER TABLE buero ADD COLUMN zeitzone TEXT NOT NULL DEFAULT 'Europe/Berlin';
