//! The data a server-rendered page loads, awaited inside its `<Suspense>`.
//!
//! Pages used `Resource::new_blocking` for this. Under load (CI, two cores,
//! tests in parallel) a request now and then never finished: every thread was
//! idle and the page's Suspense was never woken again (a lost wake-up in the
//! reactive async machinery, like leptos-rs/leptos#4647). Pages render only on
//! the server (islands), so they need none of what a Resource adds (refetching,
//! serialising to the browser): a plain future, shared so that the view's
//! closure may be called more than once, is enough and is woken by the
//! database driver itself.

use crate::{error::AppError, ui::form::set_status};
use futures::future::{BoxFuture, FutureExt, Shared};
use leptos::prelude::*;
use std::future::{Future, IntoFuture};

/// A page's loader, started when first awaited; `Copy` like a Resource, so a
/// view closure can await it by name.
pub struct PageData<T: 'static>(StoredValue<Shared<BoxFuture<'static, T>>>);

impl<T: 'static> Clone for PageData<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for PageData<T> {}

impl<T: Clone + Send + Sync + 'static> PageData<T> {
    /// Wraps a loader future (an `async fn` call: nothing runs until awaited,
    /// so it reads the request's context inside the Suspense, as before).
    pub fn new(load: impl Future<Output = T> + Send + 'static) -> Self {
        Self(StoredValue::new(load.boxed().shared()))
    }
}

impl<T: Clone + Send + Sync + 'static> IntoFuture for PageData<T> {
    type Output = T;
    type IntoFuture = Shared<BoxFuture<'static, T>>;

    fn into_future(self) -> Self::IntoFuture {
        self.0.get_value()
    }
}

/// Shows a page's data once it is loaded: `render` for the data; for an
/// error its message, with the error's HTTP status for the response (the one
/// place every page does this, so none forgets the status).
pub fn loaded<T, V>(
    data: PageData<Result<T, AppError>>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    loaded_or(data, render, |error| view! { <ErrorNotice error/> })
}

/// [`loaded`] with a page's own view of an error (a heading, a way on).
pub fn loaded_or<T, V, W>(
    data: PageData<Result<T, AppError>>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
    on_error: impl Fn(AppError) -> W + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    W: IntoView + 'static,
{
    view! {
        <Suspense>
            {move || {
                let (render, on_error) = (render.clone(), on_error.clone());
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => render(value).into_any(),
                        Err(error) => {
                            set_status(error.status());
                            on_error(error).into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// Why a page could not be shown.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    view! { <p class="notice notice--error">{error.to_string()}</p> }
}
