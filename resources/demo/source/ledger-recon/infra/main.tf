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
    key    = "ledger-recon/terraform.tfstate"
    region = "eu-central-1"
  }
}

provider "aws" {
  region = "eu-central-1"
  default_tags {
    tags = {
      team    = "finance-engineering"
      service = "ledger-recon"
    }
  }
}

variable "openai_api_key" {
  description = "The shared application key (OpenAI project northwind-apps)."
  type        = string
  sensitive   = true
}

variable "ledger_db_password" {
  type      = string
  sensitive = true
}
