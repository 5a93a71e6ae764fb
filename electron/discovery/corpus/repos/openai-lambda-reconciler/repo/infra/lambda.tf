resource "aws_iam_role" "reconciler" {
  name = "northwind-settlement-reconciler"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "reconciler" {
  name = "reconciler-runtime"
  role = aws_iam_role.reconciler.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ses:SendEmail"]
        Resource = "arn:aws:ses:eu-west-1:731904265118:identity/northwind-pay.example"
      },
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "arn:aws:logs:eu-west-1:731904265118:log-group:/aws/lambda/northwind-settlement-reconciler:*"
      }
    ]
  })
}

resource "aws_lambda_function" "reconciler" {
  function_name    = "northwind-settlement-reconciler"
  role             = aws_iam_role.reconciler.arn
  runtime          = "nodejs20.x"
  handler          = "handler.handler"
  filename         = "${path.module}/../build/reconciler.zip"
  source_code_hash = filebase64sha256("${path.module}/../build/reconciler.zip")
  timeout          = 600
  memory_size      = 512

  environment {
    variables = {
      OPENAI_API_KEY      = var.openai_api_key
      LEDGER_DB_HOST      = "ledger-primary.cluster-c8x2kq1.eu-west-1.rds.amazonaws.com"
      LEDGER_DB_PASSWORD  = var.ledger_db_password
      FINANCE_ALERTS_TO   = "finance-ops@northwind-pay.example"
    }
  }
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "northwind-settlement-reconciler-nightly"
  description         = "Reconcile yesterday's acquirer settlements at 03:15 UTC"
  schedule_expression = "cron(15 3 * * ? *)"
}

resource "aws_cloudwatch_event_target" "nightly" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.reconciler.arn
}

resource "aws_lambda_permission" "allow_eventbridge" {
  statement_id  = "AllowEventBridgeInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.reconciler.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.nightly.arn
}
