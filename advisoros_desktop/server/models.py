"""Request and response shapes of the API, as published in its OpenAPI document."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from advisoros_desktop.domain.entities import ENTITIES
from advisoros_desktop.domain.firm_settings import HIGHEST_REVIEW_THRESHOLD, LOWEST_REVIEW_THRESHOLD

EntityName = Literal["user", "client", "engagement", "task", "document", "extraction"]
assert set(EntityName.__args__) == set(ENTITIES)  # type: ignore[attr-defined]

# Ids that are looked up in the database as they come: PostgreSQL text cannot hold NUL,
# so a NUL must be refused as invalid input rather than reach a query (a 500).
NO_NUL = r"^[^\x00]*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorBody(BaseModel):
    code: str
    message: str
    details: Any = None


class ErrorResponse(BaseModel):
    error: ErrorBody


class TokenRequest(Strict):
    """Sign in with email and password, or renew with a refresh token."""

    email: str | None = Field(default=None, max_length=254)
    password: str | None = Field(default=None, max_length=1000)
    refreshToken: str | None = Field(default=None, max_length=200)


class TokenResponse(BaseModel):
    accessToken: str
    refreshToken: str
    tokenType: Literal["Bearer"]
    expiresIn: int


class OrganizationInfo(BaseModel):
    id: str
    name: str


class MeResponse(BaseModel):
    user: dict[str, Any]
    organization: OrganizationInfo
    role: str


class ChangeItem(BaseModel):
    entity: EntityName
    id: str
    version: int
    deleted: bool
    data: dict[str, Any] | None = None


class ChangesResponse(BaseModel):
    items: list[ChangeItem]
    cursor: str
    hasMore: bool
    epoch: str


class Mutation(Strict):
    mutationId: str = Field(min_length=1, max_length=64, pattern=NO_NUL)
    entity: EntityName
    op: Literal["create", "update", "delete"]
    id: str = Field(min_length=1, max_length=64)
    baseVersion: int | None = Field(default=None, ge=0, le=2**31)
    fields: dict[str, Any] = Field(default_factory=dict)


class MutationBatch(Strict):
    mutations: list[Mutation] = Field(min_length=1, max_length=500)


class MutationResult(BaseModel):
    mutationId: str
    status: Literal["applied", "duplicate", "conflict", "rejected"]
    entity: EntityName
    id: str
    version: int | None = None
    record: dict[str, Any] | None = None
    code: str | None = None
    message: str | None = None
    details: Any = None
    conflictingFields: list[str] | None = None


class MutationsResponse(BaseModel):
    results: list[MutationResult]


class UploadCreate(Strict):
    uploadId: str = Field(min_length=1, max_length=64)
    sha256: str = Field(min_length=64, max_length=64)
    size: int = Field(ge=1, le=2**50)
    fileName: str = Field(min_length=1, max_length=255)
    mimeType: str = Field(min_length=1, max_length=100)
    clientId: str = Field(min_length=1, max_length=64)
    engagementId: str | None = Field(default=None, max_length=64)
    category: str | None = Field(default=None, max_length=30)
    year: int | None = Field(default=None, ge=0, le=10_000)
    source: str | None = Field(default=None, max_length=30)


class UploadState(BaseModel):
    uploadId: str
    status: Literal["uploading", "completed", "failed", "duplicate"]
    offset: int
    size: int
    sha256: str | None = None
    documentId: str | None = None
    error: str | None = None
    document: dict[str, Any] | None = None


class Limits(BaseModel):
    maxUploadBytes: int
    maxUploadChunkBytes: int
    allowedMimeTypes: list[str]
    maxPageSize: int
    maxMutationsPerBatch: int
    maxRequestBodyBytes: int
    rateLimitPerSecond: float


class FirmSettings(BaseModel):
    """What the firm decided for itself (``firm_settings``)."""

    reviewThreshold: float = Field(
        description="Fields read with less confidence than this put their document up for review."
    )


class FirmSettingsChange(Strict):
    reviewThreshold: float = Field(
        ge=LOWEST_REVIEW_THRESHOLD,
        le=HIGHEST_REVIEW_THRESHOLD,
        allow_inf_nan=False,
        description="From 0.5 (trust the extractor more) to 1.0 (review every field).",
    )


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    database: str
