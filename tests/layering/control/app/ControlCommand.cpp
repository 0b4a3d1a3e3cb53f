// Planted: an entry point with a query of its own (1 breach).
const char *controlWith = "WITH x AS (SELECT 1) SELECT * FROM x";
