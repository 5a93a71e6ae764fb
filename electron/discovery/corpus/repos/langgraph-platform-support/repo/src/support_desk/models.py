from langchain_openai import ChatOpenAI

# One model for every worker; the supervisor routes with a smaller one.
worker_model = ChatOpenAI(model="gpt-4.1", temperature=0)
router_model = ChatOpenAI(model="gpt-4.1-mini", temperature=0)
