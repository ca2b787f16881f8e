import type { MaskedCredential } from "../credentials";

/**
 * A request URI with every query-parameter value masked (`?access_token=2Yot…pAA`).
 * Tokens travel in query strings too, and the URI is shown and exported
 * everywhere, so no value of it is kept raw (spec section 5). `mask` also lets
 * the reader remember each value, so the call's other lines echoing it are
 * masked as well; `written` is the value as the URI writes it (`%2B`), for
 * the lines that repeat the URI as it came.
 */
export function maskUriQuery(uri: string, mask: (raw: string, written: string) => MaskedCredential): string {
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
      const written = pair.slice(equals + 1);
      return `${pair.slice(0, equals + 1)}${mask(decoded(written), written).preview}`;
    });
  return `${uri.slice(0, query + 1)}${pairs.join("&")}${uri.slice(end)}`;
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll("+", " "));
  } catch {
    return value;
  }
}
