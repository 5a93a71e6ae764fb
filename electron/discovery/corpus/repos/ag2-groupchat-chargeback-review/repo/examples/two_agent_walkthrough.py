#!/usr/bin/env python
# coding: utf-8

# # Two-agent walkthrough
# Exported from notebooks/two_agent_walkthrough.ipynb: an assistant writes code, the user proxy runs it.

# In[1]:


import autogen

config_list = autogen.config_list_from_json("OAI_CONFIG_LIST", filter_dict={"model": ["gpt-4o-mini"]})


# In[2]:


assistant = autogen.AssistantAgent("assistant", llm_config={"config_list": config_list, "cache_seed": 41})
user_proxy = autogen.UserProxyAgent(
    "user_proxy",
    human_input_mode="NEVER",
    code_execution_config={"work_dir": "coding", "use_docker": False},
)


# In[3]:


user_proxy.initiate_chat(assistant, message="Plot the daily count of chargebacks in chargebacks.csv and save it as chart.png.")
