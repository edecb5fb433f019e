//! # crosscheck-server
//!
//! The HTTP API and web UI of crosscheck, and the live ways articles arrive.
//! HTTP only: every article goes through `crosscheck_pipeline::Pipeline`
//! (store, cluster, dossiers), which this crate calls and does not contain.
//!
//! * [`api`]: JSON API (axum): post articles, list and read articles and
//!   stories, the dossier of a story as JSON or Markdown, full-text search,
//!   health, and an OpenAPI 3 document at `/openapi.json`; the web UI's three
//!   static files at `/`, `/app.js`, `/app.css`;
//! * [`records`]: raw `text/plain` and `text/html` bodies (JSON records are
//!   read by `crosscheck_ingest::record`, the reader JSONL files use too);
//! * [`watch`]: feeds polled on an interval and an incoming folder.
//!
//! Security: the server binds 127.0.0.1 unless told otherwise, and refuses a
//! non-loopback address without a write token ([`check_bind`]); writes then
//! need `Authorization: Bearer <token>`. Every response carries a strict
//! Content-Security-Policy (no inline script) and `nosniff`; request bodies are
//! capped ([`tables::DEFAULT_MAX_BODY_BYTES`]); every error is JSON
//! `{"error": {"code", "message"}}` and bad input never yields a 500.
//!
//! ```no_run
//! # fn main() -> Result<(), crosscheck_server::ServerError> {
//! use std::sync::Arc;
//! let store: Arc<dyn crosscheck_store::Store> = Arc::from(crosscheck_store::open("crosscheck.db")?);
//! // No sentence encoder: stories and claims on lexical signals (see crosscheck-embed).
//! let pipeline = Arc::new(crosscheck_pipeline::Pipeline::open(store, None)?);
//! let server = crosscheck_server::RunningServer::start(pipeline, crosscheck_server::ServerConfig::default())?;
//! println!("listening on http://{}", server.addr());
//! # Ok(()) }
//! ```

pub mod api;
mod error;
pub mod records;
pub mod tables;
mod ui;
pub mod watch;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use crosscheck_pipeline::Pipeline;

pub use api::{router, AppState};
pub use error::{ApiError, ErrorBody, ErrorDetail, ServerError};
pub use watch::{read_feeds_file, PollReport, Watcher};

/// How to run the server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Address to listen on (default `127.0.0.1:8080`).
    pub bind: SocketAddr,
    /// Bearer token required on writes; required to bind a non-loopback address.
    pub token: Option<String>,
    /// Largest request body accepted (413 beyond).
    pub max_body_bytes: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig { bind: SocketAddr::from(([127, 0, 0, 1], 8080)), token: None, max_body_bytes: tables::DEFAULT_MAX_BODY_BYTES }
    }
}

/// Refuse to expose writes: a non-loopback address needs a (non-empty) token.
pub fn check_bind(addr: SocketAddr, token: Option<&str>) -> Result<(), ServerError> {
    let has_token = token.is_some_and(|t| !t.trim().is_empty());
    if !addr.ip().is_loopback() && !has_token {
        return Err(ServerError::TokenRequired { addr });
    }
    Ok(())
}

/// Serve on `listener` until `shutdown` resolves; the clusterer state is
/// written every few seconds while articles arrive and once more at the end.
pub async fn serve(listener: tokio::net::TcpListener, pipeline: Arc<Pipeline>, config: &ServerConfig, shutdown: impl Future<Output = ()> + Send + 'static) -> Result<(), ServerError> {
    check_bind(listener.local_addr()?, config.token.as_deref())?;
    let state = AppState { pipeline: pipeline.clone(), token: config.token.clone().filter(|t| !t.trim().is_empty()).map(Arc::from) };
    let app = router(state, config.max_body_bytes);
    let saver = {
        let pipeline = pipeline.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(crosscheck_pipeline::tables::PERSIST_INTERVAL);
            loop {
                tick.tick().await;
                let p = pipeline.clone();
                match tokio::task::spawn_blocking(move || p.persist()).await {
                    Ok(Err(e)) => tracing::error!("saving the clusterer state: {e}"),
                    Err(e) => tracing::error!("saving the clusterer state: {e}"),
                    Ok(Ok(())) => {}
                }
            }
        })
    };
    let served = axum::serve(listener, app).with_graceful_shutdown(shutdown).await;
    saver.abort();
    let p = pipeline.clone();
    tokio::task::spawn_blocking(move || {
        if !p.wait_idle(tables::SHUTDOWN_DOSSIER_WAIT) {
            tracing::warn!(stories = p.pending(), "dossiers still queued at shutdown; they are rebuilt at the next start");
        }
        p.persist()
    }).await.map_err(|e| ServerError::Cluster(e.to_string()))??;
    served.map_err(ServerError::Io)
}

/// A server running on its own thread (with its own tokio runtime): for the
/// CLI's benchmark and for tests. Stopped (gracefully, state saved) on
/// [`RunningServer::stop`] or drop.
pub struct RunningServer {
    addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<Result<(), ServerError>>>,
}

impl RunningServer {
    /// Bind `config.bind` (port 0 picks a free port) and serve in the background.
    pub fn start(pipeline: Arc<Pipeline>, config: ServerConfig) -> Result<Self, ServerError> {
        check_bind(config.bind, config.token.as_deref())?;
        let std_listener = std::net::TcpListener::bind(config.bind).map_err(|source| ServerError::Bind { addr: config.bind, source })?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new().name("crosscheck-server".into()).spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(std_listener)?;
                serve(listener, pipeline, &config, async move {
                    let _ = rx.await;
                })
                .await
            })
        })?;
        Ok(RunningServer { addr, shutdown: Some(tx), thread: Some(thread) })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Stop gracefully and wait for the server thread.
    pub fn stop(mut self) -> Result<(), ServerError> {
        self.stop_inner()
    }

    fn stop_inner(&mut self) -> Result<(), ServerError> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.thread.take().map(|t| t.join()) {
            Some(Ok(r)) => r,
            Some(Err(_)) => Err(ServerError::Cluster("the server thread panicked".into())),
            None => Ok(()),
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if let Err(e) = self.stop_inner() {
            tracing::error!("stopping the server: {e}");
        }
    }
}

/// Serve on `config.bind` until Ctrl-C or SIGTERM (for `crosscheck serve`);
/// `on_ready` gets the bound address once the server listens.
pub fn serve_until_signal(pipeline: Arc<Pipeline>, config: ServerConfig, on_ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    check_bind(config.bind, config.token.as_deref())?;
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.bind).await.map_err(|source| ServerError::Bind { addr: config.bind, source })?;
        on_ready(listener.local_addr()?);
        serve(listener, pipeline, &config, shutdown_signal()).await
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
    tracing::info!("shutting down");
}
