from agno.playground import Playground, serve_playground_app

from agents.statement_analyst import statement_analyst
from api import chat
from teams.research import research_team

app = Playground(agents=[statement_analyst], teams=[research_team], name="Merchant research").get_app()
app.include_router(chat.router)

if __name__ == "__main__":
    serve_playground_app("main:app", host="0.0.0.0", port=7777)
