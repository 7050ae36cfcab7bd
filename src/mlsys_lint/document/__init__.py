"""Document models: built once per input, read by every rule."""
