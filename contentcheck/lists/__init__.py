"""Word lists: the shipped and the team's lists (``load``), their categories
(``categories``) and their health checks (``check``)."""
