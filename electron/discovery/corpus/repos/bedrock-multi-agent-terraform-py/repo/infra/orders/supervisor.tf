# The supervisor routes each customer request to one collaborator; it holds no action group of its own.
resource "aws_iam_role" "supervisor" {
  name               = "orders-supervisor-agent"
  assume_role_policy = data.aws_iam_policy_document.bedrock_trust.json
}

resource "aws_bedrockagent_agent" "supervisor" {
  agent_name                  = "OrderDesk"
  agent_collaboration         = "SUPERVISOR"
  agent_resource_role_arn     = aws_iam_role.supervisor.arn
  foundation_model            = "anthropic.claude-3-5-sonnet-20241022-v2:0"
  idle_session_ttl_in_seconds = 900
  instruction                 = "Route stock questions to StockAgent and refund requests to RefundAgent. Never answer either yourself."
  prepare_agent               = false
}

resource "aws_bedrockagent_agent_collaborator" "stock" {
  agent_id                   = aws_bedrockagent_agent.supervisor.agent_id
  collaborator_name          = "StockAgent"
  collaboration_instruction  = "Answers whether a product is in stock and when it ships."
  relay_conversation_history = "DISABLED"
  agent_descriptor {
    alias_arn = aws_bedrockagent_agent_alias.stock.agent_alias_arn
  }
}

resource "aws_bedrockagent_agent_collaborator" "refunds" {
  agent_id                   = aws_bedrockagent_agent.supervisor.agent_id
  collaborator_name          = "RefundAgent"
  collaboration_instruction  = "Issues a refund for a delivered order and emails the customer."
  relay_conversation_history = "TO_COLLABORATOR"
  prepare_agent              = true
  agent_descriptor {
    alias_arn = aws_bedrockagent_agent_alias.refunds.agent_alias_arn
  }
}

# A collaborator owned by another team's account: no agent of this module answers behind that ARN.
resource "aws_bedrockagent_agent_collaborator" "loyalty" {
  agent_id          = aws_bedrockagent_agent.supervisor.agent_id
  collaborator_name = "LoyaltyAgent"
  agent_descriptor {
    alias_arn = "arn:aws:bedrock:eu-west-1:210987654321:agent-alias/LOYALTY01/LIVE01"
  }
}

resource "aws_bedrockagent_agent_alias" "supervisor" {
  agent_alias_name = "live"
  agent_id         = aws_bedrockagent_agent.supervisor.agent_id
  depends_on       = [aws_bedrockagent_agent_collaborator.stock, aws_bedrockagent_agent_collaborator.refunds]
}

data "aws_iam_policy_document" "bedrock_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["bedrock.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}
