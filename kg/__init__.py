"""kg: turn news articles into a sourced actor-relationship knowledge graph."""
