-- Runs once, when the compose volume is first created. Tables come from `claims migrate`.
ALTER DATABASE claimflow SET statement_timeout = '30s';
