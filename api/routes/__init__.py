"""One router per resource; `api.main` wires them."""
