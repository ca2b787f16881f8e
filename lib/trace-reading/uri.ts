import { carriesNoCredential, namesCredential, type MaskedCredential } from "../credentials";

/** A query parameter's value named like a credential, as maskUriQuery masked it. */
export type QueryCredential = { name: string; raw: string; masked: MaskedCredential };

/**
 * A request URI with every query-parameter value masked (`?access_token=2Yot…pAA`)
 * but those that only page or sort (`?page=2`, carriesNoCredential).
 * Tokens travel in query strings too, and the URI is shown and exported
 * everywhere, so no value of it is kept raw (spec section 5). `mask` also lets
 * the reader remember each value, so the call's other lines echoing it are
 * masked as well; `written` is the value as the URI writes it (`%2B`), for
 * the lines that repeat the URI as it came. The values of parameters named
 * like credentials (`access_token`, `client_id`) are added to `credentials`:
 * a token sent in the URI is carried as one sent in a header is.
 */
export function maskUriQuery(uri: string, mask: (raw: string, written: string) => MaskedCredential, credentials: QueryCredential[] = []): string {
  const query = uri.indexOf("?");
  if (query < 0) return uri;
  const fragment = uri.indexOf("#", query);
  const end = fragment < 0 ? uri.length : fragment;
  const pairs = uri
    .slice(query + 1, end)
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      if (equals < 0 || equals === pair.length - 1) return pair;
      const name = decoded(pair.slice(0, equals));
      if (carriesNoCredential("query", name)) return pair;
      const written = pair.slice(equals + 1);
      const raw = decoded(written);
      const masked = mask(raw, written);
      if (namesCredential(name)) credentials.push({ name, raw, masked });
      // Whitespace written around the value stays as written: it is often why the gateway refused it.
      const leading = LEADING_WHITESPACE.exec(written)?.[0] ?? "";
      // A value of whitespace alone is all leading: shown once.
      const trailing = leading === written ? "" : (TRAILING_WHITESPACE.exec(written)?.[0] ?? "");
      return `${pair.slice(0, equals + 1)}${leading}${masked.preview}${trailing}`;
    });
  return `${uri.slice(0, query + 1)}${pairs.join("&")}${uri.slice(end)}`;
}

/** Spaces, tabs and line breaks as a query writes them (`%20`, `+`, `%09`, `%0A`, `%0D`). */
const WHITESPACE_WRITTEN = String.raw`(?:%20|\+|%09|%0[aAdD])+`;
const LEADING_WHITESPACE = new RegExp(`^${WHITESPACE_WRITTEN}`);
const TRAILING_WHITESPACE = new RegExp(`${WHITESPACE_WRITTEN}$`);

function decoded(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll("+", " "));
  } catch {
    return value;
  }
}
