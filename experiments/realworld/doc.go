// Package realworld rebuilds the seed thread's setups with the real
// libraries (httpx, psycopg and PostgreSQL, aiohttp, Flask), records each
// with the recorder (package record), predicts every gather order with the
// model from the recording, runs every order for real, and writes measured
// against predicted (experiments/data/realworld.csv).
package realworld
