"""Support desk console for the ops team (`python run.py`)."""
from swarm.repl import run_demo_loop

from desk.agents import triage_agent

if __name__ == "__main__":
    run_demo_loop(triage_agent, stream=True)
