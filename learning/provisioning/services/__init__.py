"""Writes of provisioning: tokens, people (joiners, movers, leavers) and teams."""
