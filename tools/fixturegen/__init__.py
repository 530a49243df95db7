"""Golden-fixture generators for seq2seq4j, one module per fixture family (see make_fixtures.py)."""
