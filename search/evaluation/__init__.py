"""Measuring how well Dispatch ranks: relevance test collections and known-item passages."""
