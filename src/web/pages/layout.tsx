// The page frame: navigation, the CSRF token for scripts (a meta tag), the one stylesheet and script.
import type { Child } from "hono/jsx";
import { assetUrl } from "../static-assets.ts";
import { CsrfField } from "./components.tsx";

const NAV = [
  ["/", "Queue"],
  ["/indicators", "Indicators"],
  ["/claims", "Claims"],
  ["/feeds", "Feeds"],
  ["/rules", "Rules"],
  ["/try", "Try"],
  ["/catalog", "Catalog"],
] as const;

export interface LayoutProps {
  title: string;
  /** Absent on the login page. */
  actor?: string;
  csrf?: string | null;
  active?: string;
  children?: Child;
}

export function Layout(props: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content={props.csrf ?? ""} />
        <title>{`${props.title} · chipwatch`}</title>
        <link rel="stylesheet" href={assetUrl("app.css")} />
        <script src={assetUrl("app.js")} defer></script>
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">
            chip<b>watch</b>
          </a>
          {props.actor ? (
            <>
              <nav>
                {NAV.map(([href, label]) => (
                  <a href={href} aria-current={props.active === href ? "page" : undefined}>
                    {label}
                  </a>
                ))}
              </nav>
              <div class="who">
                <span>{props.actor}</span>
                <form method="post" action="/logout">
                  <CsrfField token={props.csrf ?? null} />
                  <button type="submit" class="linkish">
                    Log out
                  </button>
                </form>
              </div>
            </>
          ) : null}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

export function LoginPage(props: { next: string; error?: string }) {
  return (
    <Layout title="Log in">
      <form method="post" action="/login" class="card login">
        <h1>Log in</h1>
        <p class="muted">Paste your API token. It is printed once when chipwatch first starts, or made with `chipwatch users add NAME`.</p>
        {props.error ? <p class="error">{props.error}</p> : null}
        <input type="hidden" name="next" value={props.next} />
        <label>
          Token
          <input type="password" name="token" autocomplete="current-password" required autofocus />
        </label>
        <button type="submit" class="primary">
          Log in
        </button>
      </form>
    </Layout>
  );
}

export function ErrorPage(props: { status: number; message: string; actor?: string; csrf?: string | null }) {
  return (
    <Layout title={String(props.status)} actor={props.actor} csrf={props.csrf}>
      <div class="card">
        <h1>{props.status === 404 ? "Not found" : "Something went wrong"}</h1>
        <p>{props.message}</p>
        <p>
          <a href="/">Back to the queue</a>
        </p>
      </div>
    </Layout>
  );
}
