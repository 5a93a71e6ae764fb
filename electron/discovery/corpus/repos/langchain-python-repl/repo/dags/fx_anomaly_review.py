from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.python import PythonOperator

from fx_analyst.agent import review_fx_anomalies

with DAG(
    dag_id="fx_anomaly_review",
    description="LLM review of FX quotes that drifted from market rates",
    schedule="0 */4 * * *",
    start_date=datetime(2023, 6, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "treasury-data", "retries": 1, "retry_delay": timedelta(minutes=10)},
    tags=["treasury", "llm"],
) as dag:
    PythonOperator(task_id="review_fx_anomalies", python_callable=review_fx_anomalies)
