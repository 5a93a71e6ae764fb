from llama_index.core import Settings, VectorStoreIndex
from llama_index.core.agent import ReActAgent
from llama_index.core.tools import FunctionTool, QueryEngineTool
from llama_index.embeddings.bedrock import BedrockEmbedding
from llama_index.llms.bedrock_converse import BedrockConverse
from llama_index.readers.s3 import S3Reader

from risk_reports.storage import BUCKET, purge_expired_reports, read_signals, write_report


def build_agent() -> ReActAgent:
    Settings.llm = BedrockConverse(model="anthropic.claude-3-5-sonnet-20240620-v1:0", region_name="eu-west-1", max_tokens=2_048)
    Settings.embed_model = BedrockEmbedding(model_name="amazon.titan-embed-text-v2:0", region_name="eu-west-1")

    underwriting = S3Reader(bucket=BUCKET, prefix="underwriting/").load_data()
    underwriting_tool = QueryEngineTool.from_defaults(
        VectorStoreIndex.from_documents(underwriting).as_query_engine(similarity_top_k=5),
        name="underwriting_documents",
        description="Search merchants' underwriting files: business model, expected volumes, directors.",
    )
    tools = [
        underwriting_tool,
        FunctionTool.from_defaults(fn=read_signals, name="risk_signals", description="Risk signals for a week (YYYY-Www)."),
        FunctionTool.from_defaults(fn=write_report, name="write_report", description="Save a merchant's risk report (markdown)."),
        FunctionTool.from_defaults(fn=purge_expired_reports, name="purge_expired_reports", description="Delete reports past retention."),
    ]
    return ReActAgent.from_tools(tools, max_iterations=30, verbose=True)
