"""Pure-Python optimisation solvers (reviewer assignment, selection, team formation,
matching, timetabling). They take and return plain dataclasses and never import Django;
an import-linter contract enforces that. Each app's services adapt models to them."""
