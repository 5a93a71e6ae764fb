import os

from slackdesk.app import app

app.start(port=int(os.environ.get("PORT", "3000")))
