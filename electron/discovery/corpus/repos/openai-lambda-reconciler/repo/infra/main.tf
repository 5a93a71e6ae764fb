terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
  backend "s3" {
    bucket = "nw-terraform-state-finance"
    key    = "settlement-reconciler/terraform.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      team    = "finance-engineering"
      service = "settlement-reconciler"
    }
  }
}

variable "openai_api_key" {
  type      = string
  sensitive = true
}

variable "ledger_db_password" {
  type      = string
  sensitive = true
}
