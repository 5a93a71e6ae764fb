data "archive_file" "refund_tools" {
  type        = "zip"
  source_dir  = "${path.module}/../../services/refund-tools"
  output_path = "${path.module}/build/refund-tools.zip"
}

data "aws_iam_policy_document" "refund_tools" {
  statement {
    actions   = ["dynamodb:GetItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.refunds.arn]
  }
}

resource "aws_iam_role" "refund_tools" {
  name               = "refund-tools-lambda"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}

resource "aws_iam_role_policy" "refund_tools" {
  role   = aws_iam_role.refund_tools.id
  policy = data.aws_iam_policy_document.refund_tools.json
}

resource "aws_lambda_function" "refund_tools" {
  function_name = "refund-tools"
  role          = aws_iam_role.refund_tools.arn
  handler       = "handler.lambda_handler"
  runtime       = "python3.12"
  filename      = data.archive_file.refund_tools.output_path
}

resource "aws_lambda_permission" "bedrock" {
  statement_id  = "AllowBedrockAgent"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.refund_tools.function_name
  principal     = "bedrock.amazonaws.com"
  source_arn    = aws_bedrockagent_agent.refunds.agent_arn
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

resource "aws_dynamodb_table" "refunds" {
  name         = "refund-requests"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "request_id"
  attribute {
    name = "request_id"
    type = "S"
  }
}
