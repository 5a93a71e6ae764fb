resource "aws_iam_role" "recon_batch" {
  name = "recon-batch"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "recon_batch" {
  name = "recon-batch-runtime"
  role = aws_iam_role.recon_batch.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = ["arn:aws:s3:::nw-bank-statements", "arn:aws:s3:::nw-bank-statements/*"]
      },
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "arn:aws:logs:eu-central-1:318204957361:log-group:/aws/lambda/nightly-ledger-reconciliation:*"
      }
    ]
  })
}

resource "aws_lambda_function" "recon" {
  function_name    = "nightly-ledger-reconciliation"
  role             = aws_iam_role.recon_batch.arn
  runtime          = "python3.12"
  handler          = "recon.handler.handler"
  filename         = "${path.module}/../build/recon.zip"
  source_code_hash = filebase64sha256("${path.module}/../build/recon.zip")
  timeout          = 900
  memory_size      = 1024

  environment {
    variables = {
      OPENAI_API_KEY     = var.openai_api_key
      LEDGER_DB_HOST     = "ledger-prod.db.northwindpay.example"
      LEDGER_DB_PASSWORD = var.ledger_db_password
      STATEMENTS_BUCKET  = "nw-bank-statements"
      MAX_ADJUSTMENT_EUR = "5.00"
    }
  }
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly-ledger-reconciliation"
  description         = "Reconcile yesterday's bank statements at 02:15 UTC"
  schedule_expression = "cron(15 2 * * ? *)"
}

resource "aws_cloudwatch_event_target" "nightly" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.recon.arn
}

resource "aws_lambda_permission" "allow_eventbridge" {
  statement_id  = "AllowEventBridgeInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.recon.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.nightly.arn
}
