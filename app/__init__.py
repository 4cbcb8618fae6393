"""Coachsim: practise coaching a simulated sales rep and get scored on how you coached."""

__version__ = "0.1.0"
