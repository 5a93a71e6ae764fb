resource "aws_bedrockagent_agent" "stock" {
  agent_name                  = "StockAgent"
  agent_collaboration         = "DISABLED"
  agent_resource_role_arn     = aws_iam_role.supervisor.arn
  foundation_model            = "anthropic.claude-3-haiku-20240307-v1:0"
  idle_session_ttl_in_seconds = 600
  instruction                 = "Look up stock levels with your tool and report them. Do not promise dates you cannot see."
}

resource "aws_bedrockagent_agent_action_group" "stock" {
  action_group_name          = "stock-lookup"
  agent_id                   = aws_bedrockagent_agent.stock.agent_id
  agent_version              = "DRAFT"
  skip_resource_in_use_check = true
  action_group_executor {
    lambda = aws_lambda_function.check_stock.arn
  }
  function_schema {
    member_functions {
      functions {
        name        = "get_stock_level"
        description = "Units on hand for a product"
        parameters {
          map_block_key = "product_id"
          type          = "string"
          required      = true
        }
      }
    }
  }
}

resource "aws_bedrockagent_agent_alias" "stock" {
  agent_alias_name = "v1"
  agent_id         = aws_bedrockagent_agent.stock.agent_id
}

resource "aws_bedrockagent_agent" "refunds" {
  agent_name                  = "RefundAgent"
  agent_collaboration         = "DISABLED"
  agent_resource_role_arn     = aws_iam_role.supervisor.arn
  foundation_model            = "anthropic.claude-3-5-sonnet-20241022-v2:0"
  idle_session_ttl_in_seconds = 600
  instruction                 = "Refund delivered orders only, then email the customer the outcome."
}

resource "aws_bedrockagent_agent_action_group" "refunds" {
  action_group_name          = "refunds"
  description                = "Refunds an order and tells the customer"
  agent_id                   = aws_bedrockagent_agent.refunds.agent_id
  agent_version              = "DRAFT"
  skip_resource_in_use_check = true
  action_group_executor {
    lambda = aws_lambda_function.issue_refund.arn
  }
  function_schema {
    member_functions {
      functions {
        name = "issue_refund"
        parameters {
          map_block_key = "order_id"
          type          = "string"
          required      = true
        }
      }
      functions {
        name = "email_customer"
        parameters {
          map_block_key = "order_id"
          type          = "string"
          required      = true
        }
      }
    }
  }
}

resource "aws_bedrockagent_agent_action_group" "refunds_clarify" {
  action_group_name             = "clarify"
  agent_id                      = aws_bedrockagent_agent.refunds.agent_id
  agent_version                 = "DRAFT"
  parent_action_group_signature = "AMAZON.UserInput"
}

resource "aws_bedrockagent_agent_alias" "refunds" {
  agent_alias_name = "v1"
  agent_id         = aws_bedrockagent_agent.refunds.agent_id
}
