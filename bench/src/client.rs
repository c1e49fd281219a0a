//! One simulated person's browser: a kept-alive HTTP/1.1 connection (hyper's
//! connection API over a tokio socket) and their session cookie. Unlike `wrk`
//! it knows the answer to each request, so the reliability runs can tell
//! which writes the server acknowledged.

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{client::conn::http1::SendRequest, header, Request};
use hyper_util::rt::TokioIo;
use std::time::{Duration, Instant};

pub type Failure = Box<dyn std::error::Error + Send + Sync>;

/// Every request ends within this, or counts as failed.
const PATIENCE: Duration = Duration::from_secs(30);

/// A person's connection to one server.
pub struct Client {
    port: u16,
    connection: Option<SendRequest<Full<Bytes>>>,
    /// `wijkplein_sessie=…` once logged in.
    pub cookie: Option<String>,
}

/// What came back, and how long it took.
pub struct Answer {
    pub status: u16,
    /// Where a redirect sends the browser (a form's outcome is in it).
    pub location: Option<String>,
    pub body: Bytes,
    pub took: Duration,
}

impl Client {
    pub fn new(port: u16) -> Client {
        Client {
            port,
            connection: None,
            cookie: None,
        }
    }

    pub async fn get(&mut self, path: &str) -> Result<Answer, Failure> {
        let request = self.request("GET", path).body(Full::default())?;
        self.send(request).await
    }

    /// A form post as a script sends it: the server function answers with
    /// its result as JSON (a reaction's id) instead of a redirect.
    pub async fn post(&mut self, path: &str, form: &str) -> Result<Answer, Failure> {
        let request = self
            .request("POST", path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Full::new(Bytes::from(form.to_owned())))?;
        self.send(request).await
    }

    /// A file upload as a browser's form sends it (`multipart/form-data`,
    /// one field), answered with the page it leads to.
    pub async fn upload(
        &mut self,
        path: &str,
        field: &str,
        file: &[u8],
    ) -> Result<Answer, Failure> {
        const BOUNDARY: &str = "wijkplein-bench-grens";
        let mut body = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"beeld.png\"\r\n\
             Content-Type: image/png\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(file);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        let request = self
            .request("POST", path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(Full::new(Bytes::from(body)))?;
        self.send(request).await
    }

    /// Signs a new person up and confirms the address as they would with
    /// the link in their mail, then keeps the session cookie. The mailed
    /// code is stored only as a hash, so the bench gives the waiting sign-up
    /// a code it knows, through the database.
    pub async fn register(
        &mut self,
        db: &app::db::Db,
        email: &str,
        name: &str,
    ) -> Result<(), Failure> {
        use app::accounts::token::{code_hash, new_code};
        let form = format!(
            "email={}&display_name={name}&password=Fietsbel-Lindeboom-42&role=bewoner",
            email.replace('@', "%40")
        );
        let answer = self.post("/api/register", &form).await?;
        if answer.status != 200 {
            return Err(format!("signing up {email} answered {}", answer.status).into());
        }
        let code = new_code();
        let keyed =
            sqlx::query("UPDATE pending_registrations SET token_hash = $1 WHERE email = $2")
                .bind(code_hash(&code))
                .bind(email)
                .execute(&db.pool)
                .await?;
        if keyed.rows_affected() != 1 {
            return Err(format!("no single sign-up waits for {email}").into());
        }
        let answer = self
            .post("/api/confirm_registration", &format!("code={code}"))
            .await?;
        match (answer.status, &self.cookie) {
            (200, Some(_)) => Ok(()),
            (status, _) => Err(format!("confirming {email} answered {status}").into()),
        }
    }

    fn request(&self, method: &str, path: &str) -> hyper::http::request::Builder {
        let builder = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, format!("127.0.0.1:{}", self.port));
        match &self.cookie {
            Some(cookie) => builder.header(header::COOKIE, cookie),
            None => builder,
        }
    }

    async fn send(&mut self, request: Request<Full<Bytes>>) -> Result<Answer, Failure> {
        let started = Instant::now();
        let result = tokio::time::timeout(PATIENCE, self.exchange(request)).await;
        match result {
            Ok(Ok((status, location, body))) => Ok(Answer {
                status,
                location,
                body,
                took: started.elapsed(),
            }),
            Ok(Err(err)) => {
                self.connection = None;
                Err(err)
            }
            Err(_) => {
                self.connection = None;
                Err("no answer within 30 s".into())
            }
        }
    }

    async fn exchange(
        &mut self,
        request: Request<Full<Bytes>>,
    ) -> Result<(u16, Option<String>, Bytes), Failure> {
        let alive = match &mut self.connection {
            Some(sender) => sender.ready().await.is_ok(),
            None => false,
        };
        let sender = match &mut self.connection {
            Some(sender) if alive => sender,
            _ => self.connection.insert(connect(self.port).await?),
        };
        let response = sender.send_request(request).await?;
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let cookie = response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("wijkplein_sessie="))
            .and_then(|v| v.split(';').next())
            .map(str::to_owned);
        if cookie.is_some() {
            self.cookie = cookie;
        }
        let body = response.into_body().collect().await?.to_bytes();
        Ok((status, location, body))
    }
}

async fn connect(port: u16) -> Result<SendRequest<Full<Bytes>>, Failure> {
    let stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        // Ends when the server closes the connection or is killed.
        let _ = connection.await;
    });
    Ok(sender)
}
