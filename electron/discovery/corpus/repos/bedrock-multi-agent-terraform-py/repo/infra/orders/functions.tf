data "archive_file" "check_stock" {
  type        = "zip"
  source_dir  = "${path.module}/../../functions/check_stock"
  output_path = "${path.module}/build/check_stock.zip"
}

data "archive_file" "issue_refund" {
  type        = "zip"
  source_dir  = "${path.module}/../../functions/issue_refund"
  output_path = "${path.module}/build/issue_refund.zip"
}

data "aws_iam_policy_document" "check_stock" {
  statement {
    actions   = ["dynamodb:GetItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.stock.arn]
  }
}

data "aws_iam_policy_document" "issue_refund" {
  statement {
    actions   = ["dynamodb:GetItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.orders.arn]
  }
  statement {
    actions   = ["ses:SendEmail"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "check_stock" {
  name               = "orders-check-stock"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}

resource "aws_iam_role_policy" "check_stock" {
  role   = aws_iam_role.check_stock.id
  policy = data.aws_iam_policy_document.check_stock.json
}

resource "aws_iam_role" "issue_refund" {
  name               = "orders-issue-refund"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}

resource "aws_iam_role_policy" "issue_refund" {
  role   = aws_iam_role.issue_refund.id
  policy = data.aws_iam_policy_document.issue_refund.json
}

resource "aws_lambda_function" "check_stock" {
  function_name = "orders-check-stock"
  role          = aws_iam_role.check_stock.arn
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = data.archive_file.check_stock.output_path
}

resource "aws_lambda_function" "issue_refund" {
  function_name = "orders-issue-refund"
  role          = aws_iam_role.issue_refund.arn
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = data.archive_file.issue_refund.output_path
}

resource "aws_lambda_permission" "check_stock" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.check_stock.function_name
  principal     = "bedrock.amazonaws.com"
  source_arn    = aws_bedrockagent_agent.stock.agent_arn
}

resource "aws_lambda_permission" "issue_refund" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.issue_refund.function_name
  principal     = "bedrock.amazonaws.com"
  source_arn    = aws_bedrockagent_agent.refunds.agent_arn
}

resource "aws_dynamodb_table" "stock" {
  name         = "stock-levels"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "product_id"
  attribute {
    name = "product_id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "order_id"
  attribute {
    name = "order_id"
    type = "S"
  }
}
