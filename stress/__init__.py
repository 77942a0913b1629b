"""Long reliability runs, by hand (README, "Nothing lost"): not part of the test suite."""
