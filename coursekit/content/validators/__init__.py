"""Generated validators, one module per content kind."""
