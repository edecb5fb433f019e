//! Errors: [`ServerError`] for the library's callers, [`ApiError`] for HTTP
//! clients. Every API failure is a JSON body
//! `{"error": {"code": "stable_snake_case", "message": "..."}}` with a fitting
//! status; codes are part of the API contract and never change meaning.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// Errors of the library (starting a server, opening the pipeline, watching).
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("store: {0}")]
    Store(#[from] crosscheck_store::StoreError),
    #[error("pipeline: {0}")]
    Pipeline(#[from] crosscheck_pipeline::PipelineError),
    #[error("story clusterer: {0}")]
    Cluster(String),
    #[error("refusing to bind {addr}: a non-loopback address needs a write token (--token or CROSSCHECK_TOKEN)")]
    TokenRequired { addr: std::net::SocketAddr },
    #[error("cannot bind {addr}: {source}")]
    Bind { addr: std::net::SocketAddr, source: std::io::Error },
    #[error("{path}: {reason}")]
    Input { path: String, reason: String },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// The error object inside an error response.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `malformed_json`, `not_found`.
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
}

/// Body of every error response.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// An HTTP error: status, stable code and message.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError { status, code, message: message.into() }
    }
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }
    pub fn not_found(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, code, message)
    }
    /// A failure on our side; the detail goes to the log, the client gets a
    /// generic message (store errors may name files or SQL).
    pub fn internal(context: &str, detail: impl std::fmt::Display) -> Self {
        tracing::error!("{context}: {detail}");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", format!("{context} failed; see the server log"))
    }
}

impl From<crosscheck_store::StoreError> for ApiError {
    fn from(e: crosscheck_store::StoreError) -> Self {
        ApiError::internal("store", e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody { error: ErrorDetail { code: self.code.to_string(), message: self.message } };
        let mut resp = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            resp.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            resp.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        resp
    }
}
