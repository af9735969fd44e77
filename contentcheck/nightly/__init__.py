"""The nightly check: the schedule loop, one lock per state folder, run history, notifications.

``runner.run_check`` is one check (scan, dated report, history, notifications); the
``schedule_loop`` repeats it daily and, while a crisis is active, every few minutes.
"""
