"""Model settings for the review team, loaded from the OAI_CONFIG_LIST the CronJob mounts."""
import autogen


def load_config_list(model: str = "gpt-4o") -> list[dict]:
    return autogen.config_list_from_json("OAI_CONFIG_LIST", file_location="/etc/review", filter_dict={"model": [model]})


def llm_config(temperature: float = 0.0) -> dict:
    return {"config_list": load_config_list(), "temperature": temperature, "cache_seed": None, "timeout": 120}
