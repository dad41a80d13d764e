"""All settings, in one place, read from the environment (and `.env`).

Each field's description is its documentation; the README's configuration table
is checked against this class by a test.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    store: str = Field(
        default="sqlite:///./data/allegiance.db",
        validation_alias="ALLEGIANCE_STORE",
        description="Where the graph lives: sqlite:///path (embedded) or a Neo4j URI "
        "(bolt://, neo4j://, neo4j+s://, bolt+s://).",
    )
    neo4j_user: str = Field(default="neo4j", validation_alias="NEO4J_USER",
                            description="Neo4j user name.")
    neo4j_password: str = Field(default="", validation_alias="NEO4J_PASSWORD",
                                description="Neo4j password (empty: no authentication).")
    neo4j_database: str = Field(default="neo4j", validation_alias="NEO4J_DATABASE",
                                description="Neo4j database name.")
    neo4j_batch_size: int = Field(default=5000, ge=1, le=100_000,
                                  validation_alias="ALLEGIANCE_NEO4J_BATCH_SIZE",
                                  description="Rows per UNWIND batch when writing to Neo4j.")
    neo4j_timeout: float = Field(default=10.0, gt=0, validation_alias="ALLEGIANCE_NEO4J_TIMEOUT",
                                 description="Seconds to wait for Neo4j before giving up.")
    api_key: str | None = Field(default=None, validation_alias="ALLEGIANCE_API_KEY",
                                description="When set, every write (POST, DELETE) needs this "
                                "value in the X-API-Key header.")
    read_requires_key: bool = Field(
        default=False, validation_alias="ALLEGIANCE_READ_REQUIRES_KEY",
        description="Reads need the X-API-Key too: every data route, the view and exports "
        "(/health, /ready and the API docs stay open). Needs ALLEGIANCE_API_KEY.")
    cors_origins: str = Field(
        default="", validation_alias="ALLEGIANCE_CORS_ORIGINS",
        description="Comma-separated origins (https://host:port) whose browser pages may call "
        "the API; empty: CORS is off (no CORS headers, preflights refused).")
    host: str = Field(default="127.0.0.1", validation_alias="ALLEGIANCE_HOST",
                      description="Address the server binds to.")
    port: int = Field(default=8000, ge=1, le=65535, validation_alias="ALLEGIANCE_PORT",
                      description="Port the server listens on.")
    workers: int = Field(default=1, ge=1, le=64, validation_alias="ALLEGIANCE_WORKERS",
                         description="Server worker processes (`allegiance serve`), each with "
                         "its own store connection; more than 1 only with SQLite.")
    max_document_bytes: int = Field(default=20_000_000, ge=1,
                                    validation_alias="ALLEGIANCE_MAX_DOCUMENT_BYTES",
                                    description="Largest file the readers accept, in bytes.")
    max_upload_bytes: int = Field(default=10_000_000, ge=1,
                                  validation_alias="ALLEGIANCE_MAX_UPLOAD_BYTES",
                                  description="Largest HTTP request body accepted (an "
                                  "uploaded document or any other body), in bytes.")
    registry: Path | None = Field(default=None, validation_alias="ALLEGIANCE_REGISTRY",
                                  description="A YAML file of extra actors that extends or "
                                  "overrides the bundled registry.")
    view_max_nodes: int = Field(default=5000, ge=10, validation_alias="ALLEGIANCE_VIEW_MAX_NODES",
                                description="Most actors the network view draws at once.")

    @property
    def allowed_origins(self) -> list[str]:
        """The CORS origins, parsed from `cors_origins`."""
        return [o.strip().rstrip("/") for o in self.cors_origins.split(",") if o.strip()]

    @model_validator(mode="after")
    def _reads_need_a_key_to_check(self) -> Settings:
        if self.read_requires_key and not self.api_key:
            raise ValueError("ALLEGIANCE_READ_REQUIRES_KEY is set but ALLEGIANCE_API_KEY is "
                             "not: set the key reads should require")
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once."""
    return Settings()
