"""Posts the maintenance notice to the merchant-success channel before a deploy."""

import sys

from slackdesk.app import app

app.client.chat_postMessage(channel="#merchant-success", text=" ".join(sys.argv[1:]) or "Payout bot restarting for maintenance.")
