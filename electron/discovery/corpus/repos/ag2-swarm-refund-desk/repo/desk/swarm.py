"""The refund desk swarm: triage hands a merchant's request to the refund or the fraud agent."""
import os

import psycopg
import stripe
from autogen import (
    AfterWork,
    AfterWorkOption,
    ConversableAgent,
    LLMConfig,
    OnCondition,
    UserProxyAgent,
    initiate_swarm_chat,
    register_hand_off,
)

llm_config = LLMConfig(api_type="anthropic", model="claude-sonnet-4-5", api_key=os.environ["ANTHROPIC_API_KEY"])


def lookup_payment(payment_id: str) -> str:
    """Amount, currency and status of a payment."""
    with psycopg.connect(os.environ["PAYMENTS_DATABASE_URL"]) as conn:
        row = conn.execute("SELECT amount_minor, currency, status FROM payments WHERE id = %s", (payment_id,)).fetchone()
    return repr(row)


def issue_refund(charge_id: str, amount_minor: int) -> str:
    """Refund part or all of a charge."""
    stripe.api_key = os.environ["STRIPE_SECRET_KEY"]
    return stripe.Refund.create(charge=charge_id, amount=amount_minor).id


def freeze_card(card_id: str, reason: str) -> str:
    """Freeze a card suspected of fraud."""
    with psycopg.connect(os.environ["PAYMENTS_DATABASE_URL"]) as conn:
        conn.execute("UPDATE cards SET frozen = true, frozen_reason = %s WHERE id = %s", (reason, card_id))
    return "frozen"


with llm_config:
    triage = ConversableAgent(name="triage_agent", system_message="You read the merchant's request and route it.", functions=[lookup_payment])
    refunds = ConversableAgent(name="refund_agent", system_message="You refund charges within policy.", functions=[issue_refund])
    fraud = ConversableAgent(name="fraud_agent", system_message="You freeze cards when fraud is likely.", functions=[freeze_card])

# Writes the outcome to the audit trail; it answers without a model.
audit = ConversableAgent(name="audit_log", llm_config=False, human_input_mode="NEVER", default_auto_reply="noted")
merchant = UserProxyAgent(name="merchant", human_input_mode="NEVER", code_execution_config=False)

register_hand_off(
    triage,
    [
        OnCondition(target=refunds, condition="The merchant asks for a refund."),
        OnCondition(target=fraud, condition="The merchant reports a card or payment they did not make."),
        AfterWork(AfterWorkOption.REVERT_TO_USER),
    ],
)
register_hand_off(refunds, [AfterWork(triage)])
register_hand_off(fraud, [AfterWork(AfterWorkOption.TERMINATE)])


def handle(request: str, context: dict) -> str:
    result, _, _ = initiate_swarm_chat(
        initial_agent=triage,
        agents=[triage, refunds, fraud, audit],
        user_agent=merchant,
        messages=request,
        context_variables=context,
        after_work=AfterWorkOption.REVERT_TO_USER,
        max_rounds=12,
    )
    return result.summary
