"""The optional OpenAI-compatible endpoint (OpenAI, Azure, vLLM, llama.cpp, Ollama)."""

import os

from dagster_openai import OpenAIResource

from resources.settings import Settings


def llm_resource(settings: Settings) -> OpenAIResource:
    """dagster-openai's resource; usage (calls, tokens) lands in the asset's metadata by itself.

    With no OPENAI_API_KEY or no JOBFIT_LLM_MODEL the assets never call it and parse by rules.
    """
    return OpenAIResource(
        api_key=os.environ.get("OPENAI_API_KEY") or "not-configured",
        base_url=settings.openai_base_url or None,
    )
