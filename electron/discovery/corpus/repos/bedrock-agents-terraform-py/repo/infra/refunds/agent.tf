data "aws_iam_policy_document" "agent_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["bedrock.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "agent_permissions" {
  statement {
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]
  }
}

resource "aws_iam_role" "agent" {
  name               = "AmazonBedrockExecutionRoleForAgents_refunds"
  assume_role_policy = data.aws_iam_policy_document.agent_trust.json
}

resource "aws_iam_role_policy" "agent" {
  role   = aws_iam_role.agent.id
  policy = data.aws_iam_policy_document.agent_permissions.json
}

resource "aws_bedrockagent_agent" "refunds" {
  agent_name                  = "refund-desk"
  agent_resource_role_arn     = aws_iam_role.agent.arn
  foundation_model            = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  idle_session_ttl_in_seconds = 600
  instruction                 = file("${path.module}/instructions.txt")
}

resource "aws_bedrockagent_agent_action_group" "refunds" {
  action_group_name          = "refunds"
  agent_id                   = aws_bedrockagent_agent.refunds.agent_id
  agent_version              = "DRAFT"
  skip_resource_in_use_check = true
  action_group_executor {
    lambda = aws_lambda_function.refund_tools.arn
  }
  api_schema {
    payload = file("${path.module}/openapi.json")
  }
}

resource "aws_bedrockagent_agent_action_group" "analysis" {
  action_group_name             = "analysis"
  agent_id                      = aws_bedrockagent_agent.refunds.agent_id
  agent_version                 = "DRAFT"
  parent_action_group_signature = "AMAZON.CodeInterpreter"
}

resource "aws_bedrockagent_agent_knowledge_base_association" "policies" {
  agent_id             = aws_bedrockagent_agent.refunds.agent_id
  description          = "Refund policies"
  knowledge_base_id    = aws_bedrockagent_knowledge_base.policies.id
  knowledge_base_state = "ENABLED"
}

resource "aws_bedrockagent_agent_alias" "live" {
  agent_alias_name = "live"
  agent_id         = aws_bedrockagent_agent.refunds.agent_id
}

resource "aws_bedrockagent_knowledge_base" "policies" {
  name     = "refund-policies"
  role_arn = aws_iam_role.agent.arn
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
  }
}
