"""Services: where the practice conversation, engines, scoring and storage meet."""
