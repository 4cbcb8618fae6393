"""Settings: environment variables prefixed COACHSIM_, an optional .env, safe defaults."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET = "coachsim-dev-secret-change-me"


class Settings(BaseSettings):
    """Runtime configuration. Every field can be set as COACHSIM_<NAME>."""

    model_config = SettingsConfigDict(
        env_prefix="COACHSIM_", env_file=".env", extra="ignore", populate_by_name=True
    )

    env: Literal["development", "production", "test"] = "development"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    database_url: str = f"sqlite:///{ROOT / 'var' / 'coachsim.db'}"
    scenarios_dir: Path = ROOT / "scenarios"
    rubrics_dir: Path = ROOT / "rubrics"
    secret_key: SecretStr = SecretStr(DEFAULT_SECRET)
    max_turn_chars: int = Field(default=2000, ge=100, le=20000)

    engine: Literal["scripted", "openai"] | None = None
    openai_base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("COACHSIM_OPENAI_BASE_URL", "OPENAI_BASE_URL"),
    )
    openai_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("COACHSIM_OPENAI_API_KEY", "OPENAI_API_KEY"),
    )
    model: str = "gpt-4o-mini"
    temperature: float = Field(default=0.7, ge=0.0, le=2.0)
    timeout_seconds: float = Field(default=30.0, gt=0)
    max_tokens: int = Field(default=300, ge=16, le=4096)

    @property
    def resolved_engine(self) -> Literal["scripted", "openai"]:
        """The engine in use: explicit choice, else openai when configured, else scripted."""
        if self.engine is not None:
            return self.engine
        if self.openai_api_key is not None or self.openai_base_url:
            return "openai"
        return "scripted"

    @model_validator(mode="after")
    def _safe_for_production(self) -> Settings:
        if self.env == "production" and self.secret_key.get_secret_value() == DEFAULT_SECRET:
            raise ValueError(
                "COACHSIM_SECRET_KEY must be set to a long random value when "
                "COACHSIM_ENV=production"
            )
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
