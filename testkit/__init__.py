"""What the tests (`tests/`) and the benchmarks (`bench/`) share to start and talk to the product.

Test infrastructure lives here and nowhere in `bot/`: production start-up holds none of it.

- `testkit.env`: free ports, test settings (own SQLite file, fresh secrets, demo mode),
  the quiet environment, and `missing_service` (a skip, or a failure with `CI=true`).
- `testkit.postgres`: a throwaway PostgreSQL server (no fsync) in a temporary folder.
- `testkit.live`: the whole product (Rasa, action server, web app) on free ports with its
  own database, as the `live` fixture and the benches start it.
- `testkit.chat`: a youth talking to the real Rasa over the REST channel.
"""
