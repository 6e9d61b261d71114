"""The interactive wizard behind `gpcheck assess` (questionary; imported only when it runs)."""
