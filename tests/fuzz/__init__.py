"""Property-based fuzzing of the loader, validation, lint and the CLI (hypothesis).

How the tests are selected:

- The in-process targets (`test_fuzz_library.py`) carry `@pytest.mark.slow` and nothing else.
  pyproject's `addopts` has no marker filter, so a plain `pytest` (`make test`) runs them with
  the "ci" hypothesis profile (150 examples each); `make fuzz` selects exactly them with
  `-m slow` and runs them with the "long" profile (20,000 examples each). Each test takes its
  example count from the loaded profile, never from a number of its own, so the two runs differ
  only in the profile. If `-m "not slow"` is ever added to `addopts`, the fuzz targets leave
  `make test`; keep them in it (the marker's job is selection for `make fuzz`).
- The CLI targets (`test_fuzz_cli.py`) start one subprocess per input, so they run a fraction
  of the profile's count (25 in ci) and are not marked `slow`: `make fuzz` leaves them out.
- `test_regressions.py` holds plain tests with the exact inputs of bugs the fuzzers found.
"""
