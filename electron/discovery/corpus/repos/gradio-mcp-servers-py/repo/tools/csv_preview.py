"""A small Gradio page for looking at exported CSV files; no MCP, no model."""

import gradio as gr
import pandas as pd


def preview(file) -> pd.DataFrame:
    return pd.read_csv(file.name).head(50)


gr.Interface(fn=preview, inputs=gr.File(), outputs=gr.Dataframe()).launch(mcp_server=False)
