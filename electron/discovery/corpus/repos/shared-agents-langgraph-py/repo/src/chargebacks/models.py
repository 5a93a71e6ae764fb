from langchain_openai import ChatOpenAI

# One model for the agents; the supervisor routes with the same one.
model = ChatOpenAI(model="gpt-4.1-mini", temperature=0)
