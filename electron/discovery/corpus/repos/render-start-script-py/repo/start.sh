#!/bin/bash
# Render runs this (startCommand); gunicorn serves the Flask app on Render's port.
echo "Starting dispute research on port $PORT"
exec gunicorn --bind 0.0.0.0:$PORT --workers 1 --threads 2 --timeout 120 research_app:app
