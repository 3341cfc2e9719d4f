"""Process-based parallelism (in progress)."""
