# Registered agent types of the notices worker; the host routes to them by these names.
SUMMARY_AGENT_TYPE = "case_summary_agent"
NOTICE_AGENT_TYPE = "merchant_notice_agent"
