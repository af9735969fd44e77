"""Notifications: one module per channel and the registry that names them.

Adding a channel is one module (``ID``, ``settings``, ``target``, ``send``; see ``base.py``)
plus one line in ``CHANNELS``; its config table is ``[notify.<ID>]``.
"""

from __future__ import annotations

from contentcheck.nightly.notify import smtp, webhook
from contentcheck.nightly.notify.base import Channel, Deadline, DeadlineExpired, Message
from contentcheck.nightly.notify.deliver import Delivery, deliver, send_within

CHANNELS: dict[str, Channel] = {
    smtp.ID: smtp,  # type: ignore[dict-item]
    webhook.ID: webhook,  # type: ignore[dict-item]
}

__all__ = ["CHANNELS", "Channel", "Deadline", "DeadlineExpired", "Delivery", "Message", "deliver",
           "send_within"]
