-- The session signing key no longer lives in the database (anyone who can read the database could forge
-- tokens): it comes from auth.jwtSecret or an owner-only key file beside the data directory. Before this
-- runs, the service copies an existing key into that file so sessions survive the upgrade (ServerSecrets).
DROP TABLE server_secrets;
